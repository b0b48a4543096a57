// The learner's choice of xterm's screen-reader mode, shared by the header toggle and the terminal, remembered.
const KEY = 'dockerlings.screen-reader';

function load(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export const screenReader = $state({ on: typeof localStorage === 'undefined' ? false : load() });

export function toggleScreenReader(): void {
  screenReader.on = !screenReader.on;
  try {
    localStorage.setItem(KEY, screenReader.on ? 'on' : 'off');
  } catch {
    // storage disabled: the choice lasts for this page
  }
}
