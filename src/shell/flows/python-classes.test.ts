// Python classes in the interpreter: __init__, methods, class variables, inheritance with super(), __str__/__repr__,
// isinstance/type, attributes set later, exception classes, and CPython's errors for a missing attribute.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

const PROGRAM = `class Animal:
    kind = 'animal'
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"Animal({self.name!r})"

class Dog(Animal):
    def __init__(self, name, tricks=None):
        super().__init__(name)
        self.tricks = tricks or []
    def speak(self):
        return f"{self.name} says woof"
    def __str__(self):
        return f"Dog {self.name}"

class Plain:
    pass

class AppError(Exception):
    pass

a = Animal('cat')
d = Dog('rex', ['sit'])
print(a.speak(), '|', d.speak(), '|', d.kind, d.tricks)
print(a, d, [a, d])
print(isinstance(d, Animal), isinstance(a, Dog), type(d).__name__, Dog.__name__)
print(repr(Plain()).startswith('<__main__.Plain object at 0x'))
try:
    raise AppError('bad thing')
except Exception as e:
    print('caught', type(e).__name__, e)
d.age = 3
print(d.age, getattr(d, 'missing', 'none'), hasattr(d, 'name'))
Plain(1)
`;

describe('python3: classes', () => {
  it('runs a program with classes as CPython does, down to the TypeError of a class without __init__', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    await s.run(`mkdir -p w && cat > w/zoo.py <<'EOF'\n${PROGRAM}EOF`);
    const r = await s.run('docker run --rm -v $PWD/w:/w python python3 /w/zoo.py');
    expect(r.stdout).toBe("cat makes a sound | rex says woof | animal ['sit']\nAnimal('cat') Dog rex [Animal('cat'), Animal('rex')]\nTrue False Dog Dog\nTrue\ncaught AppError bad thing\n3 none True\n");
    expect(r.stderr).toBe('Traceback (most recent call last):\n  File "/w/zoo.py", line 37, in <module>\n    Plain(1)\nTypeError: Plain() takes no arguments\n');
    expect(r.exitCode).toBe(1);
  });

  it('at the prompt: an instance echoes its repr, a missing attribute says which class lacks it', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull -q python');
    await s.run('docker run -it --rm python');
    for (const l of ['class P:', '    def __init__(self, x):', '        self.x = x', '    def __repr__(self):', "        return f'P({self.x})'", '']) await s.run(l);
    expect((await s.run('P(2)')).output).toBe('P(2)\n');
    expect((await s.run('P(2).y')).output).toBe("Traceback (most recent call last):\n  File \x1b[35m\"<python-input-2>\"\x1b[0m, line \x1b[35m1\x1b[0m, in \x1b[35m<module>\x1b[0m\n    P(2).y\n\x1b[1;35mAttributeError\x1b[0m: \x1b[35m'P' object has no attribute 'y'\x1b[0m\n");
  });
});
