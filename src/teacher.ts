// Entry of teacher.html: mounts the teacher's page (write and share an exercise, verify completion codes).
import { mount } from 'svelte';
import Teacher from './ui/Teacher.svelte';
import { registerOffline } from './ui/offline';

const target = document.getElementById('app');
if (!target) throw new Error('Dockerlings: #app element missing from teacher.html');

registerOffline();

export default mount(Teacher, { target });
