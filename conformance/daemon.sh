#!/bin/sh
# Starts or stops a throwaway Docker Engine in its own network and mount namespace (own data root, socket, vfs driver).
# usage: daemon.sh start DIR   |   daemon.sh stop DIR
set -eu
cmd=$1; D=$2
case "$cmd" in
start)
  mkdir -p "$D"
  command -v dockerd >/dev/null && command -v busybox >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io busybox-static >/dev/null; }
  # dockerd starts its own containerd inside the same namespaces; its bridges never touch the machine's network
  unshare -n -m --propagation private sh -c "ip link set lo up; exec dockerd --data-root '$D/data' --exec-root '$D/exec' \
    --pidfile '$D/dockerd.pid' -H 'unix://$D/docker.sock' --storage-driver vfs" >"$D/dockerd.log" 2>&1 &
  echo $! >"$D/unshare.pid"
  i=0
  until DOCKER_HOST="unix://$D/docker.sock" /usr/local/bin/docker version >/dev/null 2>&1; do
    i=$((i+1)); [ $i -lt 120 ] || { echo "dockerd did not come up; see $D/dockerd.log" >&2; exit 1; }
    sleep 0.5
  done
  ;;
stop)
  if [ -f "$D/dockerd.pid" ]; then
    pid=$(cat "$D/dockerd.pid"); kill "$pid" 2>/dev/null || true
    i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 60 ]; do sleep 0.5; i=$((i+1)); done
  fi
  ;;
esac
