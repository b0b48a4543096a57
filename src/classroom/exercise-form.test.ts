// The teacher's form: setup boxes split into typed lines, form ↔ exercise round trip, errors, the check picker.
import { describe, expect, it } from 'vitest';
import { checkChoices, checkGroups, emptyForm, exerciseForm, formExercise, matchesCheck, splitSetup } from './exercise-form';
import { SAMPLE } from './testing';

describe('the exercise form', () => {
  it('splits the setup box like typed lines: comments and blanks skipped, heredocs and continuations whole', () => {
    expect(splitSetup('# prepare\ndocker pull nginx\n\n  \ndocker network create \\\n  --subnet 10.9.0.0/24 lab\ncat > Dockerfile <<EOF\nFROM busybox\n# not a comment here\nEOF\necho done')).toEqual([
      'docker pull nginx',
      'docker network create \\\n  --subnet 10.9.0.0/24 lab',
      'cat > Dockerfile <<EOF\nFROM busybox\n# not a comment here\nEOF',
      'echo done',
    ]);
    expect(splitSetup("cat <<-'END' > f\n\tx\n\tEND")).toEqual(["cat <<-'END' > f\n\tx\n\tEND"]);
    expect(splitSetup('')).toEqual([]);
  });

  it('round-trips an exercise through its fields', () => {
    expect(exerciseForm(SAMPLE)).toEqual({
      title: SAMPLE.title,
      lang: '',
      text: SAMPLE.text,
      setup: 'docker network create classnet',
      goals: [
        { name: 'container-running', args: 'web', text: 'A container named web is running' },
        { name: 'container-on-network', args: 'web classnet', text: 'It is attached to classnet' },
      ],
    });
    expect(formExercise(exerciseForm(SAMPLE))).toEqual({ ok: true, exercise: SAMPLE });
    const heredoc = { ...SAMPLE, lang: 'en' as const, seed: 4, setup: ['cat > f <<EOF\na\nEOF', 'docker pull nginx'] };
    expect(formExercise(exerciseForm(heredoc))).toEqual({ ok: true, exercise: heredoc });
  });

  it('reports what is missing in an empty form, and a check without its arguments', () => {
    expect(formExercise(emptyForm())).toEqual({
      ok: false,
      errors: ['title: must not be empty', 'goals[0].check: "container-running" takes an argument: NAME (got 0)', 'goals[0].text: must not be empty'],
    });
  });

  it('offers every check of the vocabulary, sorted, with its arguments and description', () => {
    const all = checkChoices();
    expect(all.map((c) => c.name)).toEqual([...all.map((c) => c.name)].sort());
    expect(all.find((c) => c.name === 'container-ip')).toEqual({ name: 'container-ip', args: 'NAME NET IP', doc: 'the container has this address on the network' });
    expect(all.length).toBeGreaterThan(50);
  });

  it('groups the checks by chapter with both languages, and a search matches any of them', () => {
    const groups = checkGroups();
    expect(groups.map((g) => [g.topic, g.checks.length])).toEqual([['01-basics', 26], ['02-building', 21], ['03-data-and-registries', 17], ['04-networking', 12], ['05-compose', 5]]);
    const compose = groups[4].checks.find((c) => c.name === 'compose-service-replicas');
    expect(compose).toEqual({ name: 'compose-service-replicas', args: 'PROJECT SERVICE N', argsZh: '项目 服务 数量', doc: 'exactly N containers of the service are running', zh: '这个服务正好有 N 个容器在运行', topic: '05-compose' });
    const all = groups.flatMap((g) => g.checks);
    const names = (q: string) => all.filter((c) => matchesCheck(c, q)).map((c) => c.name);
    expect(names('healthy')).toEqual(['container-health', 'compose-service-healthy']);
    expect(names('健康')).toEqual(['container-health', 'compose-service-healthy']);
    expect(names('SERVICE')).toEqual(['daemon-running', 'daemon-enabled', 'compose-service-replicas', 'compose-service-healthy']); // docker.service in the daemon checks' descriptions
    expect(names('  ')).toHaveLength(81);
    expect(names('network subnet')).toEqual(['network-subnet']);
  });
});
