// Entry point: mounts the Dockerlings app into the page.
import { mount } from 'svelte';
import App from './ui/App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Dockerlings: #app element missing from index.html');

export default mount(App, { target });
