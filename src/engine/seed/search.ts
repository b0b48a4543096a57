// `docker search` rows for repositories that exist only as search results (not pullable); stars approximate, late 2024.
import type { SeedSearchResult } from './types';

const row = (name: string, description: string, stars: number, automated = false): SeedSearchResult =>
  ({ name, description, stars, official: false, ...(automated ? { automated } : {}) });

export const SEARCH_ONLY: SeedSearchResult[] = [
  // nginx
  row('nginx/nginx-ingress', 'NGINX and  NGINX Plus Ingress Controllers for Kubernetes', 101),
  row('nginx/nginx-prometheus-exporter', 'NGINX Prometheus Exporter for NGINX and NGINX Plus', 45),
  row('nginx/unit', 'This repository is retired, use the Docker official images: https://hub.docker.com/_/unit', 65),
  row('nginxinc/nginx-unprivileged', 'Unprivileged NGINX Dockerfiles', 157),
  row('nginxproxy/nginx-proxy', 'Automated nginx proxy for Docker containers using docker-gen', 156),
  row('jwilder/nginx-proxy', 'Automated Nginx reverse proxy for docker containers', 2_158, true),
  row('bitnami/nginx', 'Bitnami container image for NGINX', 198, true),
  row('linuxserver/nginx', 'An Nginx container, brought to you by LinuxServer.io.', 212),
  row('ubuntu/nginx', 'Nginx, a high-performance reverse proxy & web server. Long-term tracks maintained by Canonical.', 120),
  // centos (the rows of the Chinese tutorial)
  row('ansible/centos7-ansible', 'Ansible on Centos7', 136, true),
  row('consol/centos-xfce-vnc', 'Centos container with "headless" VNC session, Xfce4 UI and preinstalled Firefox and Chrome browser.', 131, true),
  row('jdeathe/centos-ssh', 'OpenSSH / Supervisor / EPEL/IUS/SCL Repos - CentOS.', 118, true),
  row('centos/systemd', 'systemd enabled base container.', 115, true),
  // alpine
  row('alpine/git', 'A  simple git container running in alpine linux, especially for tiny linux distro.', 239),
  row('alpine/socat', 'Run socat command in alpine container', 105),
  row('alpine/helm', 'Auto-trigger docker build for kubernetes helm when new release is announced', 68),
  row('alpine/k8s', 'Kubernetes toolbox for EKS (kubectl, helm, iam-authenticator, eksctl, etc)', 58),
  // ubuntu, busybox, httpd
  row('ubuntu/squid', 'Squid is a caching proxy for the Web. Long-term tracks maintained by Canonical.', 99),
  row('ubuntu/apache2', 'Apache, a secure & extensible open-source HTTP server. Long-term tracks maintained by Canonical.', 77),
  row('radial/busyboxplus', 'Full-chain, Internet enabled, busybox made from scratch. Comes in git and cURL flavors.', 55, true),
  row('centos/httpd-24-centos7', 'Platform for running Apache httpd 2.4 or building httpd-based application', 46),
  // redis, mongo, registry
  row('bitnami/redis', 'Bitnami container image for Redis', 318, true),
  row('redis/redis-stack', 'redis-stack installs a Redis server with additional database capabilities and the RedisInsight.', 91),
  row('redis/redis-stack-server', 'redis-stack-server installs a Redis server with additional database capabilities', 71),
  row('bitnami/mongodb', 'Bitnami container image for MongoDB', 242, true),
  row('mongodb/mongodb-community-server', 'The Official MongoDB Community Server', 88),
  row('distribution/registry', 'WARNING: NOT the registry official image!!! If you\'re looking for the official registry, go to registry', 57, true),
  row('joxit/docker-registry-ui', 'Docker registry v2 web User Interface', 156),
  // databases and language runtimes
  row('bitnami/postgresql', 'Bitnami container image for PostgreSQL', 258, true),
  row('postgis/postgis', 'PostGIS is a spatial database extender for PostgreSQL object-relational database.', 1_102),
  row('circleci/postgres', 'The PostgreSQL object-relational database system provides reliability and data integrity.', 31),
  row('bitnami/mariadb', 'Bitnami container image for MariaDB', 237, true),
  row('bitnami/node', 'Bitnami container image for Node.js', 77, true),
  row('circleci/node', 'Node.js is a JavaScript-based platform for server-side and networking applications.', 134),
  row('bitnami/python', 'Bitnami container image for Python', 27, true),
  row('circleci/python', 'Python is an interpreted, interactive, object-oriented, open-source programming language.', 58),
  row('circleci/golang', 'Go (golang) is a general purpose, higher-level, imperative programming language.', 31),
  // stress
  row('polinux/stress', 'Docker image with stress tool for generating workload on a system.', 17, true),
  row('jfusterm/stress', 'Docker image with stress tool', 9, true),
  row('containerstack/cpustress', 'A container for CPU stress testing', 6),
];
