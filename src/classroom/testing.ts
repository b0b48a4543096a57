// Test fixtures for the classroom tests: a sample exercise and the line that solves it.
import type { Exercise } from './exercise';

export const SAMPLE: Exercise = {
  v: 1,
  title: 'Publish a web server',
  text: 'Start **nginx** in a container named `web`, on the network `classnet`.',
  setup: ['docker network create classnet'],
  goals: [
    { check: 'container-running web', text: 'A container named web is running' },
    { check: 'container-on-network web classnet', text: 'It is attached to classnet' },
  ],
};

export const SOLUTION = 'docker run -d --name web --network classnet nginx';
