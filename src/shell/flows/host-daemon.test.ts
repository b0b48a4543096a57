// The daemon on a host where Docker was just installed: the socket's permission, a stopped daemon, daemon.json at restart, -H.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';
import { lineSession } from '../test-support';

const INSTALL = [
  'dockerlings-host bare',
  'curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo gpg --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg',
  'echo "deb [arch=amd64 signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu noble stable" | sudo tee /etc/apt/sources.list.d/docker.list > /dev/null',
  'sudo apt-get update -qq',
  'sudo apt-get install -y -qq docker-ce docker-ce-cli containerd.io',
];

async function installed() {
  const t = lineSession();
  for (const l of INSTALL) await t.s.run(l);
  return t;
}

// docker/cli 27 (client.checkVersion pings first; request.go wraps a socket EACCES like this)
const DENIED = 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Head "http://%2Fvar%2Frun%2Fdocker.sock/_ping": dial unix /var/run/docker.sock: connect: permission denied';
const DOWN = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';
const CLIENT_INFO = 'Client: Docker Engine - Community\n Version:    27.5.1\n Context:    default\n Debug Mode: false\n Plugins:\n  buildx: Docker Buildx (Docker Inc.)\n    Version:  v0.20.0\n    Path:     /usr/libexec/docker/cli-plugins/docker-buildx\n  compose: Docker Compose (Docker Inc.)\n    Version:  v2.32.4\n    Path:     /usr/libexec/docker/cli-plugins/docker-compose\n\nServer:\n';

describe('the docker socket belongs to root:docker', () => {
  it('a user outside the docker group is refused until the group is joined and a new shell carries it', async () => {
    const { s, line } = await installed();
    expect(await line('docker ps')).toEqual(['', DENIED + '\n', 1]);
    expect(await line('docker run --rm hello-world')).toEqual(['', `docker: ${DENIED}.\nSee 'docker run --help'.\n`, 125]);
    expect(await line('docker info')).toEqual([CLIENT_INFO + `ERROR: ${DENIED}\n`, 'errors pretty printing info\n', 1]);
    expect(await line('sudo docker images')).toEqual(['REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n', '', 0]);
    expect(await line('sudo usermod -aG docker $USER')).toEqual(['', '', 0]);
    expect(s.engine.state.host?.dockerGroup).toEqual({ gid: 988, members: ['learner'] });
    // /etc/group says so, but this shell logged in before
    expect(await line('id; id learner')).toEqual(['uid=1000(learner) gid=1000(learner) groups=1000(learner),4(adm),27(sudo)\nuid=1000(learner) gid=1000(learner) groups=1000(learner),4(adm),27(sudo),988(docker)\n', '', 0]);
    expect(await line('docker ps')).toEqual(['', DENIED + '\n', 1]);
    expect(s.engine.state.host?.shellGroups).toEqual(['learner', 'adm', 'sudo']);
    expect(await line('newgrp docker')).toEqual(['', '', 0]);
    expect(await line('id')).toEqual(['uid=1000(learner) gid=988(docker) groups=988(docker),4(adm),27(sudo),1000(learner)\n', '', 0]);
    expect(await line('docker ps')).toEqual(['CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n', '', 0]);
    expect(s.engine.state.host?.shellGroups).toEqual(['docker', 'adm', 'sudo', 'learner']);
    // newgrp started a shell inside the login one: exit returns to it and its old groups
    expect(await line('exit')).toEqual(['', 'exit\n', 0]);
    expect(await line('id -nG; docker ps')).toEqual(['learner adm sudo\n', DENIED + '\n', 1]);
    expect(s.engine.state.host?.outerShells).toEqual([]);
    expect(await line('newgrp docker')).toEqual(['', '', 0]);
    expect(await line('newgrp')).toEqual(['', '', 0]);
    expect(await line('id -gn')).toEqual(['learner\n', '', 0]);
    expect(await line('exit 3')).toEqual(['', 'exit\n', 3]);
    expect(await line('echo $?; id -gn')).toEqual(['3\ndocker\n', '', 0]);
    expect(await line('exit')).toEqual(['', 'exit\n', 0]);
    expect(await line('id -gn; exit')).toEqual(['learner\n', '', 0]);
  });

  it('usermod and groupadd need root; usermod -G without -a drops the other groups; newgrp to a foreign group asks a password', async () => {
    const { line } = await installed();
    expect(await line('usermod -aG docker learner')).toEqual(['', 'usermod: Permission denied.\nusermod: cannot lock /etc/passwd; try again later.\n', 1]);
    expect(await line('groupadd devs')).toEqual(['', 'groupadd: Permission denied.\ngroupadd: cannot lock /etc/group; try again later.\n', 10]);
    expect(await line('sudo usermod -aG nosuch learner')).toEqual(['', "usermod: group 'nosuch' does not exist\n", 6]);
    expect(await line('sudo groupadd devs && getent group devs')).toEqual(['devs:x:1001:\n', '', 0]);
    expect(await line('sudo usermod -G docker learner && id -nG learner')).toEqual(['learner docker\n', '', 0]);
    expect(await line('newgrp devs')).toEqual(['Password: ', 'Invalid password.\n', 1]);
    expect(await line('sudo gpasswd -a learner sudo')).toEqual(['Adding user learner to group sudo\n', '', 0]);
  });
});

describe('a stopped daemon', () => {
  it('docker.socket starts docker.service on the first connection; with both stopped the client cannot connect', async () => {
    const { s, line } = await installed();
    await line('sudo usermod -aG docker learner');
    await line('newgrp docker');
    expect(await line('sudo systemctl stop docker')).toEqual(['', "Stopping 'docker.service', but its triggering units are still active:\ndocker.socket\n", 0]);
    expect(await line('systemctl is-active docker')).toEqual(['inactive\n', '', 3]);
    expect(await line('docker ps -q')).toEqual(['', '', 0]);
    expect(await line('systemctl is-active docker')).toEqual(['active\n', '', 0]);
    expect(await line('sudo systemctl stop docker docker.socket')).toEqual(['', '', 0]);
    expect([s.engine.state.host?.units['docker.service'].active, s.engine.state.host?.units['docker.socket'].active]).toEqual(['inactive', 'inactive']);
    expect(await line('docker ps')).toEqual(['', DOWN + '\n', 1]);
    expect(await line('docker run --rm hello-world')).toEqual(['', `docker: ${DOWN}.\nSee 'docker run --help'.\n`, 125]);
    expect(await line('docker version')).toEqual(['Client: Docker Engine - Community\n Version:           27.5.1\n API version:       1.47\n Go version:        go1.22.11\n Git commit:        9f9e405\n Built:             Wed Jan 22 13:41:48 2025\n OS/Arch:           linux/amd64\n Context:           default\n', DOWN + '\n', 1]);
    expect(await line('docker info')).toEqual([CLIENT_INFO + `ERROR: ${DOWN}\n`, 'errors pretty printing info\n', 1]);
    expect(await line('docker --version; docker ps --help | head -1')).toEqual(['Docker version 27.5.1, build 9f9e405\n\n', '', 0]);
    expect(await line('systemctl status docker.socket')).toEqual([expect.stringMatching(/^○ docker\.socket - Docker Socket for the API\n {5}Loaded: loaded \(\/usr\/lib\/systemd\/system\/docker\.socket; enabled; preset: enabled\)\n {5}Active: inactive \(dead\) since Mon 2026-11-23 \d\d:\d\d:\d\d UTC; \ds ago\n {3}Triggers: ○ docker\.service\n {5}Listen: \/run\/docker\.sock \(Stream\)\n/), '', 3]);
    expect(await line('sudo systemctl start docker && docker ps -q')).toEqual(['', '', 0]);
    expect(await line('sudo service docker stop; sudo service docker status | head -3')).toEqual([expect.stringMatching(/^○ docker\.service - Docker Application Container Engine\n {5}Loaded: .*\n {5}Active: inactive \(dead\) since/), "Stopping 'docker.service', but its triggering units are still active:\ndocker.socket\n", 0]);
  });
});

describe('containers and the daemon', () => {
  it('stopping docker stops the containers; at the next start restart policies bring back theirs', async () => {
    const { line } = await installed();
    await line('sudo docker pull -q nginx >/dev/null');
    await line('sudo docker run -d --name keep --restart always nginx >/dev/null');
    await line('sudo docker run -d --name once nginx >/dev/null');
    await line('sudo docker run -d --name byhand --restart unless-stopped nginx >/dev/null');
    await line('sudo docker stop byhand >/dev/null');
    await line('sudo systemctl stop docker docker.socket');
    await line('sudo systemctl start docker');
    expect(await line('sudo docker ps -a --format "{{.Names}} {{.State}} {{.Status}}"')).toEqual(['byhand exited Exited (0) 3 seconds ago\nonce exited Exited (0) 2 seconds ago\nkeep running Up 1 second\n', '', 0]);
    await line('sudo systemctl restart docker');
    expect(await line('sudo docker ps --format "{{.Names}}"')).toEqual(['keep\n', '', 0]);
  });
});

describe('/etc/docker/daemon.json', () => {
  it('invalid JSON: the daemon fails to start, systemctl and journalctl say why', async () => {
    const { s, line } = await installed();
    await line(`echo '{ "registry-mirrors": ["https://mirror.gcr.io"], }' | sudo tee /etc/docker/daemon.json > /dev/null`);
    expect(await line('sudo systemctl restart docker')).toEqual(['', 'Job for docker.service failed because the control process exited with error code.\nSee "systemctl status docker.service" and "journalctl -xeu docker.service" for details.\n', 1]);
    expect(await line('systemctl is-active docker; systemctl is-failed docker')).toEqual(['failed\nfailed\n', '', 0]);
    const status = (await line('systemctl status docker'))[0];
    expect(status.split('\n').slice(0, 7).join('\n').replace(/\d\d:\d\d:\d\d/, 'HH:MM:SS')).toBe(
      '× docker.service - Docker Application Container Engine\n     Loaded: loaded (/usr/lib/systemd/system/docker.service; enabled; preset: enabled)\n     Active: failed (Result: exit-code) since Mon 2026-11-23 HH:MM:SS UTC; 2s ago\nTriggeredBy: ● docker.socket\n       Docs: https://docs.docker.com\n    Process: 2003 ExecStart=/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock (code=exited, status=1/FAILURE)\n   Main PID: 2003 (code=exited, status=1/FAILURE)',
    );
    expect((await line('sudo journalctl -xeu docker.service -n 4'))[0].replace(/^.{15} dockerlings /gm, '')).toBe(
      "systemd[1]: Starting docker.service - Docker Application Container Engine...\ndockerd[2003]: unable to configure the Docker daemon with file /etc/docker/daemon.json: invalid character '}' looking for beginning of object key string\nsystemd[1]: docker.service: Main process exited, code=exited, status=1/FAILURE\nsystemd[1]: docker.service: Failed with result 'exit-code'.\n".split('\n').slice(1).join('\n') + "systemd[1]: Failed to start docker.service - Docker Application Container Engine.\n",
    );
    expect(await line('sudo docker ps')).toEqual(['', DOWN + '\n', 1]);
    expect(s.engine.state.host?.units['docker.service'].active).toBe('failed');
  });

  it('an unknown key and `hosts` (which systemd already passes as -H fd://) are refused the way dockerd words them', async () => {
    const { line } = await installed();
    const lastDockerd = async () => (await line('sudo journalctl -u docker | grep dockerd | tail -1'))[0].replace(/^.{15} dockerlings dockerd\[\d+\]: /, '');
    await line(`echo '{"registry-mirror": "https://mirror.gcr.io"}' | sudo tee /etc/docker/daemon.json > /dev/null`);
    expect((await line('sudo systemctl restart docker'))[2]).toBe(1);
    expect(await lastDockerd()).toBe("unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives don't match any configuration option: registry-mirror\n");
    await line(`echo '{"hosts": ["tcp://0.0.0.0:2375"]}' | sudo tee /etc/docker/daemon.json > /dev/null`);
    expect((await line('sudo systemctl restart docker'))[2]).toBe(1);
    expect(await lastDockerd()).toBe('unable to configure the Docker daemon with file /etc/docker/daemon.json: the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: [tcp://0.0.0.0:2375])\n');
    await line(`echo '{"registry-mirrors": ["https://mirror.gcr.io"]' | sudo tee /etc/docker/daemon.json > /dev/null`);
    expect((await line('sudo systemctl restart docker'))[2]).toBe(1);
    expect(await lastDockerd()).toBe('unable to configure the Docker daemon with file /etc/docker/daemon.json: unexpected end of JSON input\n');
  });

  it('registry-mirrors, bip and default-address-pools take effect at the restart', async () => {
    const { s, line } = await installed();
    await line(`printf '{\\n  "registry-mirrors": ["https://mirror.gcr.io"],\\n  "bip": "10.200.0.1/24",\\n  "default-address-pools": [{"base": "10.10.0.0/16", "size": 24}]\\n}\\n' | sudo tee /etc/docker/daemon.json > /dev/null`);
    // written, not yet read: the running daemon keeps its configuration
    expect(await line('sudo docker info | grep -c "Registry Mirrors"')).toEqual(['0\n', '', 1]);
    expect(await line('sudo systemctl restart docker')).toEqual(['', '', 0]);
    expect(s.engine.state.host?.config).toEqual({ registryMirrors: ['https://mirror.gcr.io/'], insecureRegistries: [], hosts: [], bip: '10.200.0.1/24', pools: [{ base: '10.10.0.0/16', size: 24 }] });
    expect(await line('sudo docker info | grep -A2 "Insecure Registries"')).toEqual([' Insecure Registries:\n  127.0.0.0/8\n Registry Mirrors:\n', '', 0]);
    expect(await line('sudo docker info | grep -A1 "Registry Mirrors"')).toEqual([' Registry Mirrors:\n  https://mirror.gcr.io/\n', '', 0]);
    await line('sudo docker network create appnet');
    expect(await line('sudo docker network inspect appnet bridge -f "{{.Name}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}"')).toEqual(['appnet 10.10.0.0/24 10.10.0.1\nbridge 10.200.0.0/24 10.200.0.1\n', '', 0]);
    expect(await line('sudo docker pull -q busybox >/dev/null && sudo docker run -d --name web busybox sleep 100 >/dev/null && sudo docker inspect -f "{{.NetworkSettings.IPAddress}}" web')).toEqual(['10.200.0.2\n', '', 0]);
  });
});

describe('docker -H', () => {
  it('a TCP address is refused: the daemon listens only on its unix socket', async () => {
    const { line } = await installed();
    expect(await line('sudo docker -H tcp://127.0.0.1:2375 ps')).toEqual(['', 'Cannot connect to the Docker daemon at tcp://127.0.0.1:2375. Is the docker daemon running?\n', 1]);
    expect(await line('sudo docker -H unix:///var/run/docker.sock ps -q')).toEqual(['', '', 0]);
    expect(await line('export DOCKER_HOST=tcp://10.0.2.15:2376; sudo -E docker ps')).toEqual(['', 'Cannot connect to the Docker daemon at tcp://10.0.2.15:2376. Is the docker daemon running?\n', 1]);
  });

  it('on the usual host too (Docker preinstalled, root)', async () => {
    const s = createSession({ headless: true });
    const r = await s.run('docker -H 10.0.0.5 run --rm hello-world');
    expect([r.stderr, r.exitCode]).toEqual(["docker: Cannot connect to the Docker daemon at tcp://10.0.0.5:2375. Is the docker daemon running?.\nSee 'docker run --help'.\n", 125]);
    const ok = await s.run('docker --host=unix:///var/run/docker.sock ps -q');
    expect([ok.stdout, ok.stderr, ok.exitCode]).toEqual(['', '', 0]);
    expect(s.prompt()).toBe('root@dockerlings:~# ');
  });
});
