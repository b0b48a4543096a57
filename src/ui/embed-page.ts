// The iframe form (embed.html): one <docker-lab> filling the page, set up from its URL.
// `?lesson=basics/hello-world`, or `#setup=LINE&setup=LINE&goal=CHECK|TEXT` (setup lines and goals), plus `lang=zh`, `theme=light`.

export function mountEmbed(): void {
  const params = [new URLSearchParams(location.search), new URLSearchParams(location.hash.slice(1))];
  const all = (k: string) => params.flatMap((p) => p.getAll(k));
  const lab = document.createElement('docker-lab');
  for (const k of ['lesson', 'lang', 'heading', 'diagram', 'theme']) {
    const v = all(k)[0];
    if (v) lab.setAttribute(k, v);
  }
  lab.setAttribute('height', 'fill');
  const setup = all('setup');
  if (setup.length) {
    const s = Object.assign(document.createElement('script'), { type: 'text/plain', textContent: setup.join('\n') });
    s.setAttribute('data-setup', '');
    lab.append(s);
  }
  for (const g of all('goal')) {
    const [check, ...text] = g.split('|');
    const p = Object.assign(document.createElement('p'), { textContent: text.join('|').trim() });
    p.setAttribute('data-goal', check.trim());
    lab.append(p);
  }
  document.body.append(lab);
}
