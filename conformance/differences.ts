// Steps where the recording is known to differ from what the simulator prints, each with its reason.
// 'declared': the recorder's versions (CLI 28.2.2, Engine 20.10.24) word it differently from v27; the rule turns
//   the recorded text into the v27 text, whose source is cited. Only text changes, never the exit code.
// 'fixing': a simulator defect another branch is fixing now; 'defect': a simulator defect not fixed yet.
import type { RecordedStep } from './transcript.ts';
import { DECLARED_RULES, type RuleId } from './rules.ts';

export interface Difference {
  step: string; // transcript#n (1-based, typed lines only)
  line: string; // the typed line, so a renumbered transcript cannot silently move a difference
  kind: 'declared' | 'fixing' | 'defect';
  what: string;
  rules?: RuleId[]; // declared only: applied in order to the recorded stdout and stderr
}

export function applyDeclared(d: Difference, step: RecordedStep): RecordedStep {
  if (!d.rules?.length) throw new Error(`${d.step}: a declared difference needs a rule`);
  let { stdout, stderr } = step;
  for (const id of d.rules) {
    stdout = DECLARED_RULES[id].apply(stdout, step.line);
    stderr = DECLARED_RULES[id].apply(stderr, step.line);
  }
  return { ...step, stdout, stderr };
}

/** A declared difference: the recorded text, rewritten by `rules`, is the v27 text the simulator must print. */
const declared = (step: string, line: string, ...rules: RuleId[]): Difference => ({ step, line, kind: 'declared', what: rules.map((r) => DECLARED_RULES[r].what).join('; '), rules });
/** A simulator defect, fixed on another branch now ('fixing') or not yet ('defect'). */
const fixing = (step: string, line: string, what: string): Difference => ({ step, line, kind: 'fixing', what });
const defect = (step: string, line: string, what: string): Difference => ({ step, line, kind: 'defect', what });

export const DIFFERENCES: Difference[] = [
  declared('01-run#16', 'docker run --rm -u nosuchuser busybox id', 'cli-run-start-error'),
  declared('01-run#20', 'docker run --rm --entrypoint /bin/nonexistent busybox', 'cli-run-start-error', 'engine-start-error'),
  declared('01-run#21', 'docker run --rm busybox nonexistent-cmd', 'cli-run-start-error', 'engine-start-error'),
  declared('01-run#22', 'docker run --rm busybox /etc/passwd', 'cli-run-start-error', 'engine-start-error'),
  declared('01-run#30', 'docker run --rm --name r1 busybox true', 'cli-run-error'),
  declared('01-run#31', 'docker run --name bad/name busybox true', 'cli-run-error'),
  declared('01-run#32', 'docker run --rm --restart always busybox true', 'cli-restart-rm', 'cli-run-error'),
  declared('01-run#33', 'docker run --restart bogus busybox true', 'engine-restart-policy', 'cli-run-error'),
  declared('01-run#34', 'docker run --rm -w relative busybox pwd', 'cli-run-error'),
  declared('01-run#35', 'docker run --rm --memory 1x busybox true', 'cli-flag-error'),
  declared('01-run#36', 'docker run --rm --cpus abc busybox true', 'cli-flag-error'),
  declared('01-run#37', 'docker run --rm -p 99999:80 busybox true', 'cli-run-error'),
  declared('01-run#38', 'docker run --rm --bogus-flag busybox true', 'cli-flag-error'),
  declared('01-run#39', 'docker run', 'cli-arg-count'),
  declared('01-run#45', 'docker run -d --name bg busybox sleep 1000', 'cli-run-error'),
  declared('02-create#34', 'docker start c7', 'engine-start-error'),
  declared('02-create#38', 'docker create', 'cli-arg-count'),
  declared('03-lifecycle#11', 'docker kill lc', 'engine-not-running', 'engine-kill'),
  declared('03-lifecycle#13', 'docker kill lc', 'engine-not-running', 'engine-kill'),
  declared('03-lifecycle#26', 'docker rm lc', 'engine-rm-running'),
  declared('03-lifecycle#35', 'docker kill nosuch', 'engine-kill'),
  declared('03-lifecycle#40', 'docker pause w1', 'engine-not-running'),
  declared('03-lifecycle#58', 'docker rm', 'cli-arg-count'),
  declared('03-lifecycle#59', 'docker stop', 'cli-arg-count'),
  declared('03-lifecycle#60', 'docker kill -s BOGUS nosuch', 'engine-kill'),
  declared('03-lifecycle#62', 'docker rm rp', 'engine-rm-running'),
  declared('04-exec#24', 'docker exec ex', 'cli-arg-count'),
  declared('04-exec#25', 'docker exec', 'cli-arg-count'),
  declared('04-exec#32', 'docker exec ex echo hi', 'engine-not-running'),
  declared('04-exec#34', 'docker exec exc echo hi', 'engine-not-running'),
  declared('05-logs#10', 'docker logs', 'cli-arg-count'),
  declared('05-logs#11', 'docker logs lg lg', 'cli-arg-count'),
  declared('06-cp#25', 'docker cp', 'cli-arg-count'),
  declared('06-cp#26', 'docker cp hf.txt', 'cli-arg-count'),
  declared('07-ps#24', 'docker ps --filter status=bogus', 'engine-invalid-filter'),
  declared('07-ps#25', 'docker ps --filter bogus=1', 'engine-invalid-filter'),
  declared('07-ps#26', 'docker ps --filter status', 'cli-flag-error'),
  declared('08-inspect#8', 'docker inspect -f \'{{.HostConfig.NetworkMode}}\' in1', 'engine-network-mode'),
  declared('08-inspect#21', 'docker inspect -f \'{{.Driver}}\' in1', 'env-vfs-driver'),
  declared('08-inspect#35', 'docker inspect --type image in1', 'engine-no-such-image'),
  declared('08-inspect#37', 'docker inspect --type bogus in1', 'cli-inspect-type'),
  declared('08-inspect#42', 'docker image inspect nosuch', 'engine-no-such-image'),
  declared('08-inspect#46', 'docker network inspect -f \'{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}\' bridge', 'env-fresh-docker0'),
  declared('09-images#14', 'docker tag', 'cli-arg-count'),
  declared('09-images#39', 'docker commit -c \'BOGUS x\' mod committed:v5', 'engine-commit-change'),
  declared('10-volumes#38', 'docker run --rm --mount type=bind,src="$PWD/missing",dst=/b busybox true', 'cli-run-error'),
  declared('10-volumes#42', 'docker run --rm --mount type=bogus,dst=/t busybox true', 'cli-run-error'),
  declared('10-volumes#43', 'docker run --rm --mount type=volume busybox true', 'cli-flag-error'),
  declared('10-volumes#44', 'docker run --rm -v vol2:relative busybox true', 'cli-run-error'),
  declared('10-volumes#45', 'docker run --rm -v /a:/b:bogus busybox true', 'cli-run-error'),
  declared('10-volumes#48', 'docker run --rm --volumes-from nosuch busybox true', 'cli-run-error'),
  declared('11-networks#14', 'docker network create --subnet 10.10.0.0/24 overlap', 'engine-pool-overlap'),
  declared('11-networks#15', 'docker network create --subnet bogus bad', 'engine-validate-ipam'),
  declared('11-networks#28', 'docker run --rm --network net2 --ip 10.10.0.50 busybox true', 'cli-run-start-error'),
  declared('11-networks#29', 'docker run --rm --network net1 --ip 10.10.0.60 busybox true', 'cli-run-error', 'engine-endpoint-settings'),
  declared('11-networks#30', 'docker run --rm --network bridge --ip 172.17.0.99 busybox true', 'cli-run-error', 'engine-endpoint-settings'),
  declared('11-networks#46', 'docker network rm net2', 'cli-status-only'),
  declared('11-networks#47', 'docker network rm nosuch', 'cli-status-only'),
  declared('11-networks#48', 'docker network rm bridge', 'cli-status-only'),
  declared('11-networks#49', 'docker network rm host', 'cli-status-only'),
  defect('11-networks#52', 'docker run --rm --network none busybox ip -o addr show | wc -l', 'the simulator\'s lo also has inet6 ::1; the recording\'s namespace has only inet 127.0.0.1 (whether a v27 container on a non-IPv6 network shows ::1 is not verified)'),
  declared('11-networks#53', 'docker run --rm --network nosuch busybox true', 'cli-run-error'),
  declared('11-networks#57', 'docker run --rm --network container:nosuch busybox true', 'cli-run-start-error'),
  declared('11-networks#69', 'docker run -d --name t2 --network tiny busybox sleep 1000', 'cli-run-start-error'),
  declared('11-networks#76', 'docker network create', 'cli-arg-count'),
  declared('11-networks#79', 'docker network ls --filter bogus=1', 'engine-invalid-filter'),
  declared('12-ports#10', 'docker run -d --name web2 -p 8080:80 busybox sleep 1000', 'cli-run-start-error'),
  declared('12-ports#25', 'docker run --rm -p 80:80:80 busybox true', 'cli-run-error'),
  declared('12-ports#26', 'docker run --rm -p abc:80 busybox true', 'cli-run-error'),
  declared('12-ports#27', 'docker run --rm -p 8083:80/bogus busybox true', 'cli-run-error'),
  declared('12-ports#28', 'docker run --rm -p 300.1.1.1:80:80 busybox true', 'cli-run-error'),
  declared('13-cli#1', 'docker bogus', 'cli-unknown-command'),
  declared('13-cli#2', 'docker container bogus', 'cli-group-unknown'),
  declared('13-cli#3', 'docker ps --bogus', 'cli-flag-error'),
  declared('13-cli#4', 'docker ps -z', 'cli-flag-error'),
  declared('13-cli#5', 'docker images --bogus', 'cli-flag-error'),
  declared('13-cli#6', 'docker rm', 'cli-arg-count'),
  declared('13-cli#7', 'docker start', 'cli-arg-count'),
  declared('13-cli#8', 'docker pause', 'cli-arg-count'),
  declared('13-cli#9', 'docker unpause', 'cli-arg-count'),
  declared('13-cli#10', 'docker wait', 'cli-arg-count'),
  declared('13-cli#11', 'docker port', 'cli-arg-count'),
  declared('13-cli#12', 'docker rename onlyone', 'cli-arg-count'),
  declared('13-cli#13', 'docker tag onlyone', 'cli-arg-count'),
  declared('13-cli#14', 'docker network create', 'cli-arg-count'),
  declared('13-cli#15', 'docker network connect net', 'cli-arg-count'),
  declared('13-cli#16', 'docker network disconnect net', 'cli-arg-count'),
  declared('13-cli#17', 'docker network rm', 'cli-arg-count'),
  declared('13-cli#18', 'docker volume rm', 'cli-arg-count'),
  declared('13-cli#19', 'docker volume inspect', 'cli-arg-count'),
  declared('13-cli#20', 'docker volume create a b', 'cli-arg-count'),
  declared('13-cli#21', 'docker image inspect', 'cli-arg-count'),
  declared('13-cli#22', 'docker inspect', 'cli-arg-count'),
  declared('13-cli#23', 'docker logs a b', 'cli-arg-count'),
  declared('13-cli#24', 'docker exec onlyone', 'cli-arg-count'),
  declared('13-cli#25', 'docker cp onlyone', 'cli-arg-count'),
  declared('13-cli#26', 'docker commit', 'cli-arg-count'),
  declared('13-cli#27', 'docker run --name', 'cli-flag-error'),
  declared('13-cli#28', 'docker run -e', 'cli-flag-error'),
  declared('13-cli#29', 'docker run -p', 'cli-flag-error'),
  declared('13-cli#30', 'docker run -v', 'cli-flag-error'),
  declared('13-cli#31', 'docker run --restart', 'cli-flag-error'),
  declared('13-cli#32', 'docker run --memory=abc busybox true', 'cli-flag-error'),
  declared('13-cli#33', 'docker run --cpu-shares=abc busybox true', 'cli-flag-error'),
  declared('13-cli#34', 'docker run --stop-timeout=abc busybox true', 'cli-flag-error'),
  declared('13-cli#35', 'docker run -d -a stdout busybox true', 'cli-attach-detach'),
  declared('13-cli#36', 'docker ps -n abc', 'cli-flag-error'),
  declared('13-cli#37', 'docker stop -t abc nosuch', 'cli-stop-time', 'cli-flag-error'),
  declared('13-cli#39', 'docker network ls -f', 'cli-flag-error'),
  declared('13-cli#40', 'docker images -f bogus=1', 'engine-invalid-filter'),
  declared('13-cli#41', 'docker volume ls -f bogus=1', 'engine-invalid-filter'),
  declared('13-cli#42', 'docker container prune --filter bogus=1 -f', 'engine-invalid-filter'),
  declared('13-cli#43', 'docker rmi', 'cli-arg-count'),
  declared('13-cli#44', 'docker kill', 'cli-arg-count'),
  declared('13-cli#45', 'docker restart', 'cli-arg-count'),
  declared('13-cli#46', 'docker create --name', 'cli-flag-error'),
  declared('13-cli#47', 'docker container rm', 'cli-arg-count'),
  declared('13-cli#48', 'docker container start', 'cli-arg-count'),
  declared('13-cli#49', 'docker image rm', 'cli-arg-count'),
  declared('13-cli#50', 'docker image tag', 'cli-arg-count'),
  declared('13-cli#51', 'docker network inspect', 'cli-arg-count'),
  declared('13-cli#52', 'docker volume', 'cli-group-help'),
  declared('13-cli#53', 'docker network', 'cli-group-help'),
  declared('13-cli#54', 'docker image', 'cli-group-help'),
  declared('13-cli#55', 'docker container', 'cli-group-help'),
  declared('14-system#59', 'docker rmi -f busybox', 'env-pulled-busybox'),
];
