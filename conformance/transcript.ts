// Reads a conformance transcript: one typed line per line; blank lines and `#` comments are skipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DIR = new URL('.', import.meta.url).pathname;
export const TRANSCRIPTS = join(DIR, 'transcripts');
export const RECORDINGS = join(DIR, 'recordings');

/** A recorded step: what the real daemon (through CLI 28) printed for one typed line. */
export interface RecordedStep {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface Recording {
  transcript: string;
  client: string;
  engine: string;
  steps: RecordedStep[];
}

/** The typed lines of a transcript text. */
export function parseTranscript(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
}

/** Names (file names without .txt) of every transcript, sorted. */
export function transcriptNames(): string[] {
  return readdirSync(TRANSCRIPTS).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
}

export function readTranscript(name: string): string[] {
  return parseTranscript(readFileSync(join(TRANSCRIPTS, `${name}.txt`), 'utf8'));
}

export function readRecording(name: string): Recording {
  return JSON.parse(readFileSync(join(RECORDINGS, `${name}.json`), 'utf8')) as Recording;
}
