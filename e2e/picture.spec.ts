// End-to-end: the live picture beside the terminal: each view after the seed's networking sequence and after a build
// (screenshots), the packet's dot stopping at the deciding rule, facts and the inspect button, the text outline
// matching the model, 50 containers readable at fit, rows of lanes and a layer graph that stay put as things are added,
// compose frames, volumes, Tidy (Network and Layers), a portrait phone's two-lane rows at 11 px, the divider, and no
// serious accessibility violations. Boxes that grow, and Tidy's hint: picture-growth.spec.ts.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LAB } from './pages';
import { canvas, NETWORKING, nothingMoves, openLab, tab, typeLine } from './picture-support';


test.describe('still pictures', () => {
  test.use({ reducedMotion: 'reduce' });

  test('network, packet and layers after the networking sequence, layers after a build', async ({ page }) => {
    await openLab(page);
    for (const l of NETWORKING) await typeLine(page, l);
    await expect(canvas(page)).toContainText('eth1 172.19.0.3');
    await expect(canvas(page)).toHaveScreenshot('network.png', { animations: 'disabled' });
    await typeLine(page, 'docker exec box2 ping -c1 -W1 172.18.0.2');
    await tab(page, 'Packet').click();
    await expect(page.getByTestId('verdict')).toContainText('DROPPED');
    await expect(page.getByTestId('diagram')).toHaveScreenshot('packet.png', { animations: 'disabled' });
    await tab(page, 'Layers').click();
    await expect(canvas(page)).toContainText('nginx:latest');
    await expect(canvas(page)).toHaveScreenshot('layers.png', { animations: 'disabled' });
    await typeLine(page, "mkdir -p /root/app && printf 'FROM busybox\\nRUN echo hi > /hi.txt\\nCMD [\"cat\", \"/hi.txt\"]\\n' > /root/app/Dockerfile");
    await typeLine(page, 'docker build -q -t hi /root/app');
    await expect(canvas(page)).toContainText('hi:latest');
    await expect(canvas(page)).toHaveScreenshot('layers-after-build.png', { animations: 'disabled' });
  });
});

test('the packet dot travels to the rule that dropped it, once per packet; the chain walk marks that rule', async ({ page }) => {
  await openLab(page);
  for (const l of NETWORKING) await typeLine(page, l);
  await tab(page, 'Packet').click();
  await expect(page.getByTestId('diagram')).toContainText('no packet yet');
  await typeLine(page, 'docker exec box2 ping -c1 -W1 172.18.0.2');
  const dot = page.getByTestId('packet-dot');
  await expect(dot).toHaveAttribute('data-ends-at', 'iptables');
  const ipt = page.locator('.node.iptables');
  await expect(ipt).toHaveClass(/decided/);
  // once it stops, the dot sits on the centre of the iptables box
  const centre = async () => {
    const d = await dot.boundingBox();
    const b = await ipt.locator('rect').boundingBox();
    return d && b ? Math.round(Math.hypot(d.x + d.width / 2 - (b.x + b.width / 2), d.y + d.height / 2 - (b.y + b.height / 2))) : -1;
  };
  await expect.poll(centre, { timeout: 5000 }).toBeLessThanOrEqual(1);
  const decided = page.getByTestId('packet-walk').locator('code[data-decided]');
  await expect(decided).toHaveCount(1);
  await expect(decided).toHaveText(/^✖ \d+: -o br-[0-9a-f]{12} -j DROP$/);
  await expect(page.getByTestId('verdict')).toHaveText(/^DROPPED by filter DOCKER-ISOLATION-STAGE-2 rule \d+/);
  // a command that sends no packet brings a fresh model of the same packet: its dot stays where it stopped; the next
  // packet runs again, and so does the very same ping sent again
  const moves = () => dot.evaluate((c) => ((c as unknown as { moves?: number }).moves ?? 0));
  await dot.evaluate((c) => {
    const o = new MutationObserver((ms) => ((c as unknown as { moves: number }).moves = ((c as unknown as { moves?: number }).moves ?? 0) + ms.length));
    o.observe(c, { attributes: true, attributeFilter: ['cx', 'cy'] });
  });
  await typeLine(page, 'docker run -d --name box3 --network my_net busybox sleep 1000');
  // (the step's changes arrive with its model)
  await expect(page.getByTestId('changes')).toContainText('+ container box3');
  await expect(canvas(page).locator('.node', { hasText: 'box3' })).toHaveCount(1);
  expect(await moves()).toBe(0);
  expect(await centre()).toBeLessThanOrEqual(1);
  await typeLine(page, 'docker exec box2 ping -c1 -W1 172.18.0.3');
  await expect.poll(moves).toBeGreaterThan(0);
  await expect.poll(centre, { timeout: 5000 }).toBeLessThanOrEqual(1);
  await dot.evaluate((c) => ((c as unknown as { moves: number }).moves = 0));
  await typeLine(page, 'docker exec box2 ping -c1 -W1 172.18.0.3');
  await expect.poll(moves).toBeGreaterThan(0);
  await expect.poll(centre, { timeout: 5000 }).toBeLessThanOrEqual(1);
});

test('a container shows its facts; the button runs docker inspect in the terminal', async ({ page }) => {
  await openLab(page);
  for (const l of NETWORKING.slice(0, 3)) await typeLine(page, l);
  const box = page.locator('.node.container', { hasText: 'box1' });
  await expect(box).toHaveAttribute('data-mark', 'added');
  await box.focus();
  await page.keyboard.press('Enter');
  const facts = page.getByTestId('facts');
  await expect(facts).toContainText('Status');
  await expect(facts).toContainText('my_net');
  await expect(facts).toContainText(/eth0 172\.18\.0\.2 ↔ veth[0-9a-f]{7}/);
  await page.getByTestId('type-inspect').click();
  // typed and run like a ▶ button's line: it is the newest step, and its output is on the screen
  await expect(page.getByTestId('step').last()).toContainText('docker inspect box1');
  await expect(page.locator('.xterm-rows')).toContainText('"IPAddress": "172.18.0.2"');
});

test('boxes keep their places: a removed container leaves a hole, a new one appears without moving the others', async ({ page }) => {
  await openLab(page);
  for (const l of NETWORKING) await typeLine(page, l);
  const places = () => page.locator('.node.container, .node.chip, .node.port').evaluateAll((gs) => Object.fromEntries(gs.filter((g) => g.getAttribute('data-mark') !== 'removed').map((g) => [g.getAttribute('data-id'), (g as SVGGElement).style.transform])));
  const before = await places();
  await typeLine(page, 'docker rm -f box2');
  await expect(page.locator('.node[data-mark="removed"]')).toContainText('box2');
  await typeLine(page, 'docker run -d --name box3 --network my_net busybox sleep 1000');
  await expect(page.locator('.node.container', { hasText: 'box3' })).toHaveAttribute('data-mark', 'added');
  const after = await places();
  const box2 = Object.keys(before).find((k) => !(k in after))!;
  expect(Object.fromEntries(Object.entries(after).filter(([k]) => k in before))).toEqual(Object.fromEntries(Object.entries(before).filter(([k]) => k !== box2)));
});

test('a named volume is drawn in a column of its own with its mounts and linked to its container; Tidy (keyboard) closes the hole a removed container left', async ({ page }) => {
  await openLab(page);
  await typeLine(page, 'docker network create app');
  await typeLine(page, 'docker run -d --name first --network app busybox sleep 1000');
  await typeLine(page, 'docker run -d --name db --network app -v data:/var/lib/db busybox sleep 1000');
  const vol = page.locator('.node.volume', { hasText: 'data' });
  await expect(vol).toContainText('db:/var/lib/db');
  await expect(page.locator('polyline.edge.mount')).toHaveCount(1);
  const outline = page.getByTestId('outline');
  await outline.locator('summary').click();
  await expect(outline).toContainText('volumes: 1');
  await expect(outline).toContainText('volume data: mounted by db at /var/lib/db');
  const y = () => page.locator('.node.container', { hasText: 'db' }).evaluate((g) => (g as SVGGElement).style.transform);
  await typeLine(page, 'docker rm -f first');
  await typeLine(page, 'docker ps -q');
  const pinned = await y();
  const tidy = page.getByTestId('tidy');
  await expect(tidy).toHaveAccessibleName('Tidy');
  await tidy.focus();
  await page.keyboard.press('Enter');
  await expect.poll(y).not.toBe(pinned);
  // the next command keeps the tidied places
  const tidied = await y();
  await typeLine(page, 'docker run -d --name next --network app busybox sleep 1000');
  await expect(page.locator('.node.container', { hasText: 'next' })).toHaveAttribute('data-mark', 'added');
  expect(await y()).toBe(tidied);
});

test('the text outline lists what the picture shows, the new container marked', async ({ page }) => {
  await openLab(page);
  for (const l of NETWORKING) await typeLine(page, l);
  const outline = page.getByTestId('outline');
  await outline.locator('summary').click();
  const items = (await outline.locator(':scope > ul > li').evaluateAll((lis) => lis.map((li) => (li.firstChild?.textContent ?? '').trim())));
  expect(items).toEqual([
    'host dockerlings, eth0 10.0.2.15',
    'network bridge: bridge docker0, subnet 172.17.0.0/16, gateway 172.17.0.1',
    expect.stringMatching(/^network my_net: bridge br-[0-9a-f]{12}, subnet 172\.18\.0\.0\/16, gateway 172\.18\.0\.1$/),
    expect.stringMatching(/^network my_net2: bridge br-[0-9a-f]{12}, subnet 172\.19\.0\.0\/16, gateway 172\.19\.0\.1$/),
  ]);
  const box1 = outline.locator('li', { hasText: 'container box1 (running)' }).first();
  await expect(box1).toContainText(/my_net: eth0 172\.18\.0\.2, veth veth[0-9a-f]{7}/);
  await expect(box1).toContainText(/my_net2: eth1 172\.19\.0\.3, veth veth[0-9a-f]{7}/);
  await expect(outline.locator('li.added')).toContainText(['my_net2: eth1 172.19.0.3']);
  await expect(outline.locator('li', { hasText: 'container web (running)' }).first()).toContainText('published 0.0.0.0:8080 → 80/tcp');
});

test('50 containers on 5 networks at 1280×720: collapsed with counts, labels at least 11 px at fit, none overlapping; a group opens on click; the packet view frames the path; the past view of that step reads as large', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page);
  await typeLine(page, 'for n in 0 1 2 3 4; do docker network create net$n; done > /dev/null');
  await typeLine(page, 'for i in $(seq 0 49); do docker run -d --name c$i --network net$((i % 5)) busybox sleep 1000; done > /dev/null');
  await expect(page.locator('.node.group')).toHaveCount(5);
  await expect(page.locator('.node.group').first()).toContainText('c0 … c45');
  await expect(page.locator('.node.group').first()).toContainText('10 running');
  await expect(page.getByTestId('fit')).toHaveAttribute('aria-pressed', 'true');
  // the size each label is drawn at: its font size times the picture's scale at fit
  const sizes = await canvas(page).locator('text').evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a));
  expect(sizes.length).toBeGreaterThan(30);
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  const boxes = await page.locator('.node:not(.lane):not(.host) text').evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect()).map((r) => [r.left, r.top, r.right, r.bottom]));
  const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5).map((b) => [a, b]));
  expect(overlaps).toEqual([]);
  // every label stays inside its box
  const outside = await page.locator('.node:not(.lane):not(.host)').evaluateAll((gs) => gs.flatMap((g) => {
    const r = g.querySelector('rect')!.getBoundingClientRect();
    return [...g.querySelectorAll(':scope > .body > text')].filter((t) => t.getBoundingClientRect().right > r.right + 0.5).map((t) => t.textContent);
  }));
  expect(outside).toEqual([]);
  // a collapsed group lists its members with their addresses
  await page.locator('.node.group').first().click();
  await expect(page.getByTestId('facts')).toContainText('c45');
  await expect(page.getByTestId('facts')).toContainText('eth0 172.18.0.11');
  // the packet view (the chain walk takes part of the pane) frames the packet's path at a readable size
  await typeLine(page, 'docker exec c0 ping -c1 -W1 172.19.0.2');
  await tab(page, 'Packet').click();
  await expect(page.getByTestId('verdict')).toContainText('DROPPED');
  const smallest = async () => Math.min(...(await canvas(page).locator('text').evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a))));
  await expect.poll(smallest).toBeGreaterThanOrEqual(11);
  await expect(page.locator('.node.group', { hasText: 'c0 … c45' })).toBeInViewport();
  // the time-travel view of the step that ran the 50 containers: its long "what changed" list and the timeline's note
  // take none of the canvas's height, so the labels read as large as in the present
  await tab(page, 'Network').click();
  await expect(page.getByTestId('packet-walk')).toHaveCount(0);
  const height = await canvas(page).evaluate((c) => c.clientHeight);
  await page.getByTestId('step').nth(1).click();
  await expect(page.getByTestId('viewing')).toHaveText('Viewing the state after step 2/3');
  await expect(page.locator('.node.group.mark-added')).toHaveCount(5);
  const count = Number(await page.getByTestId('changes-count').textContent());
  expect(count).toBeGreaterThan(50); // the 50 containers, and busybox pulled
  expect(await canvas(page).evaluate((c) => c.clientHeight)).toBe(height);
  await expect.poll(smallest).toBeGreaterThanOrEqual(11);
  // opened, the whole list lies over the picture, which keeps its size
  await page.getByTestId('changes-strip').locator('summary').click();
  await expect(page.getByTestId('changes').locator('li')).toHaveCount(count);
  await expect(page.getByTestId('changes').locator('li').last()).toBeVisible();
  expect(await canvas(page).evaluate((c) => c.clientHeight)).toBe(height);
});

test('5 networks in two rows of lanes: containers, networks and volumes arriving move nothing already drawn, the lower rows included', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openLab(page);
  await typeLine(page, 'for n in 0 1 2 3 4; do docker network create net$n; done > /dev/null');
  const run = (name: string, net: string, more = ''): [string, string] => [`docker run -d --name ${name} --network ${net} ${more}busybox sleep 1000`, name];
  await nothingMoves(page, [run('c_a', 'net0'), run('c_b', 'net3'), run('c_c', 'net1'), run('c_d', 'bridge')]);
  await expect(canvas(page)).toHaveScreenshot('rows-network.png', { animations: 'disabled' });
  // past the room the upper row keeps: net0 continues in the first free cell; then a network, volumes and their mounts
  await nothingMoves(page, [
    run('c_e', 'net0'), run('c_f', 'net0'), run('c_g', 'net0'),
    ['docker network create net5', 'net5'],
    ['docker volume create data', 'data'],
    run('c_h', 'net2', '-v data:/data '),
    run('c_i', 'net5', '-v logs:/logs '),
    run('c_j', 'net1'),
  ]);
  // net0 continues in the second row, net1 (c_c took the first row's room) in the third
  await expect(page.locator('.node.lane.continued')).toHaveCount(2);
  await expect(page.locator('polyline.edge.mount')).toHaveCount(2);
  await expect(canvas(page)).toHaveScreenshot('rows-network-grown.png', { animations: 'disabled' });
});

test('Layers: builds deeper than the tallest image and a pull move no block already drawn', async ({ page }) => {
  test.setTimeout(90_000);
  await openLab(page);
  await tab(page, 'Layers').click();
  await typeLine(page, 'docker run -d --name box busybox sleep 1000');
  const dockerfile = (from: string, n: number, tag: string) => `mkdir -p /root/${tag} && printf 'FROM ${from}\\n${Array.from({ length: n }, (_, i) => `RUN echo ${tag}${i} > /${tag}${i}\\n`).join('')}' > /root/${tag}/Dockerfile`;
  for (const [from, n, tag] of [['busybox', 2, 'app'], ['app', 4, 'deep'], ['deep', 3, 'deeper']] as const) await typeLine(page, dockerfile(from, n, tag));
  await nothingMoves(page, [
    ['docker build -q -t app /root/app', 'app:latest'],
    ['docker build -q -t deep /root/deep', 'deep:latest'],
    ['docker build -q -t deeper /root/deeper', 'deeper:latest'],
    ['docker run -d --name top deeper sleep 1000', 'top'],
  ]);
  await expect(canvas(page)).toHaveScreenshot('layers-deep.png', { animations: 'disabled' });
});

test('Tidy lays the Layers view out afresh: the shared base, kept under the first image, moves between both', async ({ page }) => {
  await openLab(page);
  await tab(page, 'Layers').click();
  await typeLine(page, 'docker pull nginx');
  await typeLine(page, 'docker pull httpd');
  await expect(canvas(page)).toContainText('httpd:latest');
  const base = canvas(page).locator('.node.layer.shared');
  const x = () => base.evaluate((g) => (g as SVGGElement).style.transform);
  const kept = await x();
  await page.getByTestId('tidy').click();
  await expect.poll(x).not.toBe(kept);
  // the next command keeps the tidied places
  const tidied = await x();
  await typeLine(page, 'docker run -d --name web nginx');
  await expect(canvas(page).locator('.node.writable', { hasText: 'web' })).toHaveCount(1);
  expect(await x()).toBe(tidied);
});

test('a compose project is drawn as one frame with its services, and listed so in the outline', async ({ page }) => {
  await openLab(page);
  await typeLine(page, `mkdir -p /root/shop && printf 'services:\\n  web:\\n    image: nginx\\n    deploy:\\n      replicas: 3\\n  db:\\n    image: busybox\\n    command: sleep 1000\\n    volumes: [data:/data]\\nvolumes:\\n  data: {}\\n' > /root/shop/compose.yaml`);
  await typeLine(page, 'cd /root/shop && docker compose up -d');
  const frame = page.locator('.node.project');
  await expect(frame).toContainText('shop');
  await expect(frame).toContainText('vols data');
  await expect(page.locator('.node.group')).toContainText(['web ×3']);
  await expect(page.locator('.node.container', { hasText: 'shop-db-1' })).toBeVisible();
  const outline = page.getByTestId('outline');
  await outline.locator('summary').click();
  await expect(outline.locator('li', { hasText: 'compose project shop' }).first()).toContainText('compose project shop: services web ×3, db; networks shop_default; volumes shop_data');
});

test('the divider moves with the keyboard and is remembered', async ({ page }) => {
  await openLab(page);
  const divider = page.getByTestId('divider');
  const before = Number(await divider.getAttribute('aria-valuenow'));
  await divider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(divider).toHaveAttribute('aria-valuenow', String(before - 10));
  await page.reload();
  await expect(page.getByTestId('divider')).toHaveAttribute('aria-valuenow', String(before - 10));
});

test('at 1280×720 terminal, picture and current goal are all in view; the lesson panel closes', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${LAB}?lesson=04-networking/03-isolation-and-connect`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  for (const id of ['terminal', 'picture', 'current-goal']) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('current-goal')).toContainText('Goal 0/3');
  await page.getByTestId('toggle-lesson').click();
  await expect(page.locator('aside.side')).toBeHidden();
  await expect(page.getByTestId('current-goal')).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 800 }, hasTouch: true });
  test('the picture is a pane of its own; a swipe moves between panes', async ({ page }) => {
    await openLab(page);
    await expect(page.getByTestId('picture')).toBeHidden();
    await page.getByTestId('pane-picture').click();
    await expect(page.getByTestId('picture')).toBeVisible();
    await expect(page.getByTestId('terminal')).toBeHidden();
    const swipe = (from: number, to: number) =>
      page.locator('main').evaluate((el, [a, b]) => {
        const t = (x: number) => new Touch({ identifier: 1, target: el, clientX: x, clientY: 300 });
        el.dispatchEvent(new TouchEvent('touchstart', { touches: [t(a)], changedTouches: [t(a)], bubbles: true }));
        el.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [t(b)], bubbles: true }));
      }, [from, to]);
    await swipe(50, 300); // to the right: back to the terminal
    await expect(page.getByTestId('terminal')).toBeVisible();
    await swipe(50, 300);
    await expect(page.locator('aside.side')).toBeVisible();
  });
});

test.describe('on a portrait phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
  test('lanes wrap two to a row, labels at fit at least 11 px as on the desktop; the picture pans, scrolled to what the last command added', async ({ page }) => {
    await openLab(page);
    for (const l of NETWORKING) await typeLine(page, l);
    await page.getByTestId('pane-picture').click();
    await expect(page.getByTestId('picture')).toBeVisible();
    const xs = () => page.locator('.node.lane, .node.host').evaluateAll((gs) => [...new Set(gs.map((g) => (g as SVGGElement).style.transform.match(/translate\(([-\d.]+)px/)![1]))].length);
    await expect.poll(xs).toBe(2);
    // the size each label is drawn at: its font size times the picture's scale at fit (the desktop check's method)
    const smallest = async () => Math.min(...(await canvas(page).locator('text').evaluateAll((ts) => ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a))));
    await expect.poll(smallest).toBeGreaterThanOrEqual(11);
    const width = await canvas(page).evaluate((el) => el.clientWidth);
    console.log(`phone 390x844: canvas ${width} px wide, smallest label ${(await smallest()).toFixed(1)} px`);
    await expect(page.getByTestId('fit')).toHaveAttribute('aria-pressed', 'true');
    // box1's new address on my_net2 (the last command's news) is on screen
    await expect(canvas(page).locator('.node.mark-added').first()).toBeInViewport();
    await expect(canvas(page)).toHaveScreenshot('phone-network.png', { animations: 'disabled' });
  });
});

test('no serious or critical accessibility violations in the lab with the picture, or in the widget', async ({ page }) => {
  await openLab(page);
  for (const l of NETWORKING.slice(0, 3)) await typeLine(page, l);
  // both themes: the page follows the system's light or dark
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const lab = await new AxeBuilder({ page }).include('[data-testid="picture"]').include('.strip').include('[data-testid="divider"]').analyze();
    expect(lab.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  await page.goto('demo.html');
  const first = page.locator('docker-lab').first();
  await expect(first.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await first.getByRole('button', { name: 'Diagram' }).click();
  await expect(first.getByTestId('diagram').locator('svg')).toBeVisible();
  const widget = await new AxeBuilder({ page }).include('docker-lab').analyze();
  expect(widget.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test("a lesson's ```mermaid block is drawn as a concept diagram", async ({ page }) => {
  await page.goto(`${LAB}?lesson=01-basics/02-containers-vs-vms`);
  const figure = page.locator('aside.side figure.mermaid');
  await expect(figure.locator('svg')).toBeVisible();
  await expect(figure).toContainText('Core technologies');
  await expect(page.locator('aside.side code.language-mermaid')).toHaveCount(0);
});
