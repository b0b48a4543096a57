// End-to-end: a teacher grades a class of 30 completion codes at once (CSV with names), and exports the table as CSV.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { completionCode } from '../src/classroom/completion';
import { exerciseLink } from '../src/classroom/exercise';
import { SAMPLE as EX } from '../src/classroom/testing';

const journal = (lines: string[]) => [...EX.setup, ...lines].map((line) => ({ k: 'line' as const, line }));

test('30 codes in a CSV: one row each with goals met, time and validity, exported as CSV', async ({ page }) => {
  test.setTimeout(180_000); // thirty replays on a shared 2-core machine
  const rows: string[] = ['name,code'];
  for (let i = 1; i <= 30; i++) {
    const lines = i <= 25
      ? ['docker ps', 'docker run -d --name web --network classnet nginx']
      : i <= 28
        ? ['docker run -d --name web nginx'] // running, but not on classnet
        : [];
    let code = await completionCode(EX, `Student ${i}`, journal(lines));
    if (i === 30) code = code.slice(0, -6) + 'AAAAAA'; // a damaged copy
    rows.push(`"Student ${i}",${code}`);
  }
  const link = new URL(await exerciseLink(EX), 'http://x/').hash;

  await page.goto('teacher.html');
  // an untouched page shows no errors
  await expect(page.getByTestId('exercise-errors')).toHaveCount(0);
  await page.getByText('Load an exercise file (.md) or a share link').click();
  await page.getByTestId('load-text').fill(`lab.html${link}`);
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('ex-title')).toHaveValue('Publish a web server');

  await page.getByTestId('grade-codes').fill(rows.join('\n'));
  await page.getByTestId('grade-button').click();
  await expect(page.getByTestId('grade-row')).toHaveCount(30, { timeout: 150_000 });
  await expect(page.getByTestId('grade-summary')).toHaveText('25 of 30 met every goal');
  const first = page.getByTestId('grade-row').nth(0).locator('td');
  await expect(first).toHaveText(['Student 1', '2/2', '2 s', '2', '✓ valid']);
  await expect(page.getByTestId('grade-row').nth(26).locator('td')).toHaveText(['Student 27', '1/2', '1 s', '1', '✓ valid']);
  await expect(page.getByTestId('grade-row').nth(28).locator('td').nth(1)).toHaveText('0/2');
  await expect(page.getByTestId('grade-row').nth(29).locator('td').nth(4)).toContainText('✗ This code cannot be read');

  const download = page.waitForEvent('download');
  await page.getByTestId('grade-export').click();
  const file = readFileSync(await (await download).path(), 'utf8').trim().split('\n');
  expect(file[0]).toBe('student,listed as,goals met,goals,all met,seconds,commands,valid,problem');
  expect(file[1]).toBe('Student 1,,2,2,yes,2,2,yes,');
  expect(file).toHaveLength(31);
  expect(file[30]).toMatch(/^Student 30,,0,2,no,,0,no,This code cannot be read/);
});

test('the setup is tried as it is typed: a failing line shows its error and holds back the link until fixed', async ({ page }) => {
  await page.goto('teacher.html');
  await page.getByTestId('ex-title').fill('Web on a network');
  await page.getByTestId('ex-text').fill('Start `web`.');
  const rows = page.getByTestId('ex-goal');
  await rows.nth(0).getByTestId('ex-goal-args').fill('web');
  await rows.nth(0).getByTestId('ex-goal-text').fill('web runs');
  await page.getByTestId('ex-setup').fill('docker network create classnet\ndocker run -d --name db --network clasnet redis');
  await expect(page.getByTestId('setup-line')).toHaveCount(2);
  await expect(page.getByTestId('setup-line').nth(0)).toHaveAttribute('data-ok', 'yes');
  await expect(page.getByTestId('setup-line').nth(1)).toHaveAttribute('data-ok', 'no');
  await expect(page.getByTestId('setup-line').nth(1)).toContainText('docker: Error response from daemon: network clasnet not found');
  await expect(page.getByTestId('setup-status')).toHaveText('Setup line 2 failed: fix it before sharing (a student could not finish).');
  await expect(page.getByTestId('share-blocked')).toBeVisible();
  await expect(page.getByTestId('share-link')).toHaveCount(0);
  await page.getByTestId('ex-setup').fill('docker network create classnet\ndocker run -d --name db --network classnet redis');
  await expect(page.getByTestId('setup-status')).toHaveText('Every setup line ran without error.');
  await expect(page.getByTestId('share-link')).toHaveValue(/#exercise=/);
});
