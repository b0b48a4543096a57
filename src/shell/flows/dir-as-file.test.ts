// A directory where docker expects a file: docker's own errors, and nothing on the host is lost or replaced.
// docker/cli v27.5.1: cli/command/utils.go CopyToFile (temp file, then os.Rename onto the directory: "file exists"),
// ValidateOutputPath; image/load.go and image/import.go stream the opened file as the request body, so the read error
// comes back from the http client as client/request.go's "error during connect: …"; opts.ParseEnvFile's scanner.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

async function run(lines: string[]) {
  return (await steps(['docker pull -q busybox', 'docker run -d --name ex busybox sleep 100', 'echo kept > /root/keep.txt', ...lines].join('\n'))).slice(3).map((s) => [s.stdout, s.stderr.replace(/docker_temp_\d+/, 'docker_temp_N'), s.exitCode]);
}

const API = 'error during connect: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.47';

describe('a directory given as a file', () => {
  it('docker import DIR and docker load -i DIR: the read error, exit 1', async () => {
    expect(await run(['docker import .', 'docker import / myimg:v1', 'docker load -i /', 'docker images -q | wc -l'])).toEqual([
      ['', `${API}/images/create?fromSrc=-&message=&repo=&tag=": read .: is a directory\n`, 1],
      ['', `${API}/images/create?fromSrc=-&message=&repo=myimg%3Av1&tag=": read /: is a directory\n`, 1],
      ['', `${API}/images/load?quiet=0": read /: is a directory\n`, 1],
      ['1\n', '', 0],
    ]);
  });

  it('--env-file DIR is a usage error of docker run', async () => {
    expect(await run(['docker run --env-file / busybox true'])).toEqual([['', "docker: read /: is a directory.\nSee 'docker run --help'.\n", 125]]);
  });

  it('save -o DIR and export -o DIR fail at the rename and leave the directory as it was', async () => {
    expect(await run(['docker save -o /root busybox', 'docker export -o /root ex', 'cat /root/keep.txt', 'docker save -o /nope/x.tar busybox', 'docker save -o /root/ok.tar busybox', 'test -f /root/ok.tar && echo written'])).toEqual([
      ['', 'rename /.docker_temp_N /root: file exists\n', 1],
      ['', 'rename /.docker_temp_N /root: file exists\n', 1],
      ['kept\n', '', 0],
      ['', 'failed to save image: invalid output path: directory "/nope" does not exist\n', 1],
      ['', '', 0],
      ['written\n', '', 0],
    ]);
  });

  it("the temporary file's name in the rename error is the same in every replay", async () => {
    const once = async () => (await steps(['docker pull -q busybox', 'docker save -o /root busybox', 'docker save -o /root busybox'].join('\n'))).slice(1).map((s) => s.stderr);
    const a = await once();
    expect(a[0]).toMatch(/^rename \/\.docker_temp_\d+ \/root: file exists\n$/);
    expect(a[1]).not.toBe(a[0]); // a later try draws another name, as os.CreateTemp does
    expect(await once()).toEqual(a);
  });
});
