// What the Docker download hosts serve to curl and wget: the repository key and the convenience script.
import { DOCKER_GPG_ASC } from './apt-docker';

/** The get.docker.com script, shortened: the same steps it runs on Ubuntu, through this host's own commands. */
const GET_DOCKER = `#!/bin/sh
set -e
# Docker Engine for Linux installation script (shortened stand-in of https://get.docker.com).
# It runs the steps of https://docs.docker.com/engine/install/ubuntu/ for you.
SCRIPT_COMMIT_SHA="4c94a56999e10efcf48c5b8e3f6afea464f9108e"
echo "# Executing docker install script, commit: $SCRIPT_COMMIT_SHA"
echo "+ sh -c 'apt-get -qq update >/dev/null'"
sudo apt-get -qq update >/dev/null
echo "+ sh -c 'DEBIAN_FRONTEND=noninteractive apt-get -y -qq install ca-certificates curl >/dev/null'"
sudo apt-get -y -qq install ca-certificates curl >/dev/null
echo "+ sh -c 'install -m 0755 -d /etc/apt/keyrings'"
sudo mkdir -p /etc/apt/keyrings
echo "+ sh -c 'curl -fsSL \\"https://download.docker.com/linux/ubuntu/gpg\\" -o /etc/apt/keyrings/docker.asc'"
curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo tee /etc/apt/keyrings/docker.asc >/dev/null
echo "+ sh -c 'chmod a+r /etc/apt/keyrings/docker.asc'"
echo "+ sh -c 'echo \\"deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu noble stable\\" > /etc/apt/sources.list.d/docker.list'"
echo "deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.asc] https://download.docker.com/linux/ubuntu noble stable" | sudo tee /etc/apt/sources.list.d/docker.list >/dev/null
echo "+ sh -c 'apt-get -qq update >/dev/null'"
sudo apt-get -qq update >/dev/null
echo "+ sh -c 'DEBIAN_FRONTEND=noninteractive apt-get -y -qq install docker-ce docker-ce-cli containerd.io docker-compose-plugin docker-ce-rootless-extras docker-buildx-plugin >/dev/null'"
sudo apt-get -y -qq install docker-ce docker-ce-cli containerd.io docker-compose-plugin docker-ce-rootless-extras docker-buildx-plugin >/dev/null
echo
echo "================================================================================"
echo
echo "To run Docker as a non-privileged user, consider setting up the"
echo "Docker daemon in rootless mode for your user:"
echo
echo "    dockerd-rootless-setuptool.sh install"
echo
echo "Visit https://docs.docker.com/go/rootless/ to learn about rootless mode."
echo
echo "================================================================================"
echo
`;

/** The body a download host answers for a path, or undefined (404). */
export function downloadBody(host: string, path: string): string | undefined {
  const p = path.replace(/\?.*$/, '');
  if (host === 'download.docker.com' && p === '/linux/ubuntu/gpg') return DOCKER_GPG_ASC;
  if (host === 'mirrors.aliyun.com' && p === '/docker-ce/linux/ubuntu/gpg') return DOCKER_GPG_ASC;
  if (host === 'get.docker.com' && (p === '/' || p === '')) return GET_DOCKER;
  return undefined;
}
