// Entry of lab.html: mounts the Dockerlings app (terminal, lessons, diagrams) into the page.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { registerOffline } from './ui/offline';

const target = document.getElementById('app');
if (!target) throw new Error('Dockerlings: #app element missing from lab.html');

registerOffline();

export default mount(App, { target });
