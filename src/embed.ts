// Entry of embed.html, the iframe form of the widget: a chromeless page holding one <docker-lab> set up from the URL.
import { defineDockerLab } from './ui/widget-element';
import { mountEmbed } from './ui/embed-page';
import { registerOffline } from './ui/offline';

mountEmbed();
defineDockerLab();
registerOffline();
