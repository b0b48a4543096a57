// Goal checks for Docker Compose projects, read from the com.docker.compose.* labels Compose puts on what it makes.
import type { Container, EngineState } from '../engine/index';
import type { Check } from './check-kit';
import { allContainers } from '../engine/index';

const PROJECT = 'com.docker.compose.project';
const SERVICE = 'com.docker.compose.service';
const ONEOFF = 'com.docker.compose.oneoff';

/** The project's service containers (not one-off `compose run` ones). */
function containersOf(s: EngineState, project: string, service?: string): Container[] {
  return allContainers(s).filter((c) => {
    const l = c.config.Labels ?? {};
    return l[PROJECT] === project && l[ONEOFF] !== 'True' && (service === undefined || l[SERVICE] === service);
  });
}

const running = (c: Container) => c.state.status === 'running';

export const CHECKS_COMPOSE: Record<string, Check> = {
  'compose-project-up': { args: 'PROJECT', doc: 'the Compose project has containers and all of them are running', zh: 'Compose 项目有容器，而且全部在运行', fn: (s, [p]) => {
    const list = containersOf(s, p);
    return list.length > 0 && list.every(running);
  } },
  'compose-project-down': { args: 'PROJECT', doc: 'nothing of the Compose project is left: no container, no network', zh: 'Compose 项目什么都没留下：没有容器，也没有网络', fn: (s, [p]) =>
    containersOf(s, p).length === 0 && !Object.values(s.networks).some((n) => n.labels?.[PROJECT] === p) },
  'compose-service-replicas': { args: 'PROJECT SERVICE N', doc: 'exactly N containers of the service are running', zh: '这个服务正好有 N 个容器在运行', fn: (s, [p, svc, n]) =>
    containersOf(s, p, svc).filter(running).length === Number(n) },
  'compose-service-healthy': { args: 'PROJECT SERVICE', doc: "every container of the service runs and its healthcheck says healthy", zh: '这个服务的每个容器都在运行，健康检查结果为 healthy', fn: (s, [p, svc]) => {
    const list = containersOf(s, p, svc);
    return list.length > 0 && list.every((c) => running(c) && c.health?.status === 'healthy');
  } },
  'compose-volume': { args: 'PROJECT VOLUME', doc: 'the project has its named volume (<project>_<volume>)', zh: '项目有它的具名数据卷（<项目>_<卷名>）', fn: (s, [p, v]) =>
    s.volumes[`${p}_${v}`]?.labels?.[PROJECT] === p },
};
