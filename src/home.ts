// Entry of index.html, the home page: the lessons by chapter and the sandbox (no terminal, so it loads fast).
import { mount } from 'svelte';
import Home from './ui/Home.svelte';
import { registerOffline } from './ui/offline';

const target = document.getElementById('app');
if (!target) throw new Error('Dockerlings: #app element missing from index.html');

registerOffline();

export default mount(Home, { target });
