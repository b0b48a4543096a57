// Entry of dist/widget.js: `<script type="module" src=".../widget.js">` then `<docker-lab lesson="basics/hello-world">`.
import { defineDockerLab } from './ui/widget-element';

defineDockerLab();
