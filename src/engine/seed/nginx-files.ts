// Text files of the official nginx image: configs, the welcome pages and the docker-entrypoint scripts (real content).

export const NGINX_CONF = `
user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;


events {
    worker_connections  1024;
}


http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;

    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';

    access_log  /var/log/nginx/access.log  main;

    sendfile        on;
    #tcp_nopush     on;

    keepalive_timeout  65;

    #gzip  on;

    include /etc/nginx/conf.d/*.conf;
}
`;

/** As packaged; 10-listen-on-ipv6-by-default.sh adds `listen  [::]:80;` when the container starts. */
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}

`;

/** The 615-byte welcome page. */
export const NGINX_INDEX_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

export const NGINX_50X_HTML = `<!DOCTYPE html>
<html>
<head>
<title>Error</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
</body>
</html>
`;

/** Abridged: the first entries of nginx's 5.3 kB mime.types. */
export const NGINX_MIME_TYPES = `
types {
    text/html                                        html htm shtml;
    text/css                                         css;
    text/xml                                         xml;
    image/gif                                        gif;
    image/jpeg                                       jpeg jpg;
    application/javascript                           js;
    application/atom+xml                             atom;
    application/rss+xml                              rss;

    text/mathml                                      mml;
    text/plain                                       txt;
    text/vnd.sun.j2me.app-descriptor                 jad;
    text/vnd.wap.wml                                 wml;
    text/x-component                                 htc;

    image/avif                                       avif;
    image/png                                        png;
    image/svg+xml                                    svg svgz;
    image/tiff                                       tif tiff;
    image/vnd.wap.wbmp                               wbmp;
    image/webp                                       webp;
    image/x-icon                                     ico;
    image/x-jng                                      jng;
    image/x-ms-bmp                                   bmp;

    font/woff                                        woff;
    font/woff2                                       woff2;

    application/java-archive                         jar war ear;
    application/json                                 json;
    application/pdf                                  pdf;
    application/zip                                  zip;

    audio/mpeg                                       mp3;
    video/mp4                                        mp4;
    video/mpeg                                       mpeg mpg;
}
`;

export const NGINX_FASTCGI_PARAMS = `
fastcgi_param  QUERY_STRING       $query_string;
fastcgi_param  REQUEST_METHOD     $request_method;
fastcgi_param  CONTENT_TYPE       $content_type;
fastcgi_param  CONTENT_LENGTH     $content_length;

fastcgi_param  SCRIPT_NAME        $fastcgi_script_name;
fastcgi_param  REQUEST_URI        $request_uri;
fastcgi_param  DOCUMENT_URI       $document_uri;
fastcgi_param  DOCUMENT_ROOT      $document_root;
fastcgi_param  SERVER_PROTOCOL    $server_protocol;
fastcgi_param  REQUEST_SCHEME     $scheme;
fastcgi_param  HTTPS              $https if_not_empty;

fastcgi_param  GATEWAY_INTERFACE  CGI/1.1;
fastcgi_param  SERVER_SOFTWARE    nginx/$nginx_version;

fastcgi_param  REMOTE_ADDR        $remote_addr;
fastcgi_param  REMOTE_PORT        $remote_port;
fastcgi_param  SERVER_ADDR        $server_addr;
fastcgi_param  SERVER_PORT        $server_port;
fastcgi_param  SERVER_NAME        $server_name;

# PHP only, required if PHP was built with --enable-force-cgi-redirect
fastcgi_param  REDIRECT_STATUS    200;
`;

// docker-entrypoint.sh and the /docker-entrypoint.d scripts, from nginxinc/docker-nginx (1.27 era).
export const NGINX_ENTRYPOINT = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

if [ "$1" = "nginx" -o "$1" = "nginx-debug" ]; then
    if /usr/bin/find "/docker-entrypoint.d/" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
        entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"

        entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Sourcing $f";
                        . "$f"
                    else
                        # warn on shell scripts without exec bit
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Launching $f";
                        "$f"
                    else
                        # warn on shell scripts without exec bit
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *) entrypoint_log "$0: Ignoring $f";;
            esac
        done

        entrypoint_log "$0: Configuration complete; ready for start up"
    else
        entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

export const NGINX_10_LISTEN_IPV6 = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

ME=$(basename "$0")
DEFAULT_CONF_FILE="etc/nginx/conf.d/default.conf"

# check if we have ipv6 available
if [ ! -f "/proc/net/if_inet6" ]; then
    entrypoint_log "$ME: info: ipv6 not available"
    exit 0
fi

if [ ! -f "/$DEFAULT_CONF_FILE" ]; then
    entrypoint_log "$ME: info: /$DEFAULT_CONF_FILE is not a file or does not exist"
    exit 0
fi

# check if the file can be modified, e.g. not on a r/o filesystem
touch /$DEFAULT_CONF_FILE 2>/dev/null || { entrypoint_log "$ME: info: can not modify /$DEFAULT_CONF_FILE (read-only file system?)"; exit 0; }

# check if the file is already modified, e.g. on a container restart
grep -q "listen  \\[::]\\:80;" /$DEFAULT_CONF_FILE && { entrypoint_log "$ME: info: IPv6 listen already enabled"; exit 0; }

if [ -f "/etc/os-release" ]; then
    . /etc/os-release
else
    entrypoint_log "$ME: info: can not guess the operating system"
    exit 0
fi

entrypoint_log "$ME: info: Getting the checksum of /$DEFAULT_CONF_FILE"

case "$ID" in
    "debian")
        CHECKSUM=$(dpkg-query --show --showformat='\${Conffiles}\\n' nginx | grep $DEFAULT_CONF_FILE | cut -d' ' -f 3)
        echo "$CHECKSUM  /$DEFAULT_CONF_FILE" | md5sum -c - >/dev/null 2>&1 || {
            entrypoint_log "$ME: info: /$DEFAULT_CONF_FILE differs from the packaged version"
            exit 0
        }
        ;;
    "alpine")
        CHECKSUM=$(apk manifest nginx 2>/dev/null| grep $DEFAULT_CONF_FILE | cut -d' ' -f 1 | cut -d ':' -f 2)
        echo "$CHECKSUM  /$DEFAULT_CONF_FILE" | sha1sum -c - >/dev/null 2>&1 || {
            entrypoint_log "$ME: info: /$DEFAULT_CONF_FILE differs from the packaged version"
            exit 0
        }
        ;;
    *)
        entrypoint_log "$ME: info: Unsupported distribution"
        exit 0
        ;;
esac

# enable ipv6 on default.conf listen sockets
sed -i -E 's,listen       80;,listen       80;\\n    listen  [::]:80;,' /$DEFAULT_CONF_FILE

entrypoint_log "$ME: info: Enabled listen on IPv6 in /$DEFAULT_CONF_FILE"

exit 0
`;

export const NGINX_15_LOCAL_RESOLVERS = `#!/bin/sh
# vim:sw=2:ts=2:sts=2:et

set -eu

LC_ALL=C
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

[ "\${NGINX_ENTRYPOINT_LOCAL_RESOLVERS:-}" ] || return 0

NGINX_LOCAL_RESOLVERS=$(awk 'BEGIN{ORS=" "} $1=="nameserver" {if ($2 ~ ":") {print "["$2"]"} else {print $2}}' /etc/resolv.conf)

NGINX_LOCAL_RESOLVERS="\${NGINX_LOCAL_RESOLVERS% }"

export NGINX_LOCAL_RESOLVERS
`;

// The last two scripts are kept as JSON-escaped strings, copied verbatim from nginxinc/docker-nginx.
export const NGINX_20_ENVSUBST =
  "#!/bin/sh\n\nset -e\n\nME=$(basename \"$0\")\n\nentrypoint_log() {\n    if [ -z \"${NGINX_ENTRYPOINT_QUIET_LOGS:-}\" ]; then\n        echo \"$@\"\n    fi\n}\n\nadd_stream_block() {\n  local conffile=\"/etc/nginx/nginx.conf\"\n\n  if grep -q -E \"\\s*stream\\s*\\{\" \"$conffile\"; then\n    entrypoint_log \"$ME: $conffile contains a stream block; include $stream_output_dir/*.conf to enable stream templates\"\n  else\n    # check if the file can be modified, e.g. not on a r/o filesystem\n    touch \"$conffile\" 2>/dev/null || { entrypoint_log \"$ME: info: can not modify $conffile (read-only file system?)\"; exit 0; }\n    entrypoint_log \"$ME: Appending stream block to $conffile to include $stream_output_dir/*.conf\"\n    cat << END >> \"$conffile\"\n# added by \"$ME\" on \"$(date)\"\nstream {\n  include $stream_output_dir/*.conf;\n}\nEND\n  fi\n}\n\nauto_envsubst() {\n  local template_dir=\"${NGINX_ENVSUBST_TEMPLATE_DIR:-/etc/nginx/templates}\"\n  local suffix=\"${NGINX_ENVSUBST_TEMPLATE_SUFFIX:-.template}\"\n  local output_dir=\"${NGINX_ENVSUBST_OUTPUT_DIR:-/etc/nginx/conf.d}\"\n  local stream_suffix=\"${NGINX_ENVSUBST_STREAM_TEMPLATE_SUFFIX:-.stream-template}\"\n  local stream_output_dir=\"${NGINX_ENVSUBST_STREAM_OUTPUT_DIR:-/etc/nginx/stream-conf.d}\"\n  local filter=\"${NGINX_ENVSUBST_FILTER:-}\"\n\n  local template defined_envs relative_path output_path subdir\n  defined_envs=$(printf '${%s} ' $(awk \"END { for (name in ENVIRON) { print ( name ~ /${filter}/ ) ? name : \\\"\\\" } }\" < /dev/null ))\n  [ -d \"$template_dir\" ] || return 0\n  if [ ! -w \"$output_dir\" ]; then\n    entrypoint_log \"$ME: ERROR: $template_dir exists, but $output_dir is not writable\"\n    return 0\n  fi\n  find \"$template_dir\" -follow -type f -name \"*$suffix\" -print | while read -r template; do\n    relative_path=\"${template#\"$template_dir/\"}\"\n    output_path=\"$output_dir/${relative_path%\"$suffix\"}\"\n    subdir=$(dirname \"$relative_path\")\n    # create a subdirectory where the template file exists\n    mkdir -p \"$output_dir/$subdir\"\n    entrypoint_log \"$ME: Running envsubst on $template to $output_path\"\n    envsubst \"$defined_envs\" < \"$template\" > \"$output_path\"\n  done\n\n  # Print the first file with the stream suffix, this will be false if there are none\n  if test -n \"$(find \"$template_dir\" -name \"*$stream_suffix\" -print -quit)\"; then\n    mkdir -p \"$stream_output_dir\"\n    if [ ! -w \"$stream_output_dir\" ]; then\n      entrypoint_log \"$ME: ERROR: $template_dir exists, but $stream_output_dir is not writable\"\n      return 0\n    fi\n    add_stream_block\n    find \"$template_dir\" -follow -type f -name \"*$stream_suffix\" -print | while read -r template; do\n      relative_path=\"${template#\"$template_dir/\"}\"\n      output_path=\"$stream_output_dir/${relative_path%\"$stream_suffix\"}\"\n      subdir=$(dirname \"$relative_path\")\n      # create a subdirectory where the template file exists\n      mkdir -p \"$stream_output_dir/$subdir\"\n      entrypoint_log \"$ME: Running envsubst on $template to $output_path\"\n      envsubst \"$defined_envs\" < \"$template\" > \"$output_path\"\n    done\n  fi\n}\n\nauto_envsubst\n\nexit 0\n";

export const NGINX_30_TUNE_WORKERS =
  "#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n\nset -eu\n\nLC_ALL=C\nME=$( basename \"$0\" )\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n\n[ \"${NGINX_ENTRYPOINT_WORKER_PROCESSES_AUTOTUNE:-}\" ] || exit 0\n\ntouch /etc/nginx/nginx.conf 2>/dev/null || { echo >&2 \"$ME: error: can not modify /etc/nginx/nginx.conf (read-only file system?)\"; exit 0; }\n\nceildiv() {\n  num=$1\n  div=$2\n  echo $(( (num + div - 1) / div ))\n}\n\nget_cpuset() {\n  cpusetroot=$1\n  cpusetfile=$2\n  ncpu=0\n  [ -f \"$cpusetroot/$cpusetfile\" ] || return 1\n  for token in $( tr ',' ' ' < \"$cpusetroot/$cpusetfile\" ); do\n    case \"$token\" in\n      *-*)\n        count=$( seq $(echo \"$token\" | tr '-' ' ') | wc -l )\n        ncpu=$(( ncpu+count ))\n        ;;\n      *)\n        ncpu=$(( ncpu+1 ))\n        ;;\n    esac\n  done\n  echo \"$ncpu\"\n}\n\nget_quota() {\n  cpuroot=$1\n  ncpu=0\n  [ -f \"$cpuroot/cpu.cfs_quota_us\" ] || return 1\n  [ -f \"$cpuroot/cpu.cfs_period_us\" ] || return 1\n  cfs_quota=$( cat \"$cpuroot/cpu.cfs_quota_us\" )\n  cfs_period=$( cat \"$cpuroot/cpu.cfs_period_us\" )\n  [ \"$cfs_quota\" = \"-1\" ] && return 1\n  [ \"$cfs_period\" = \"0\" ] && return 1\n  ncpu=$( ceildiv \"$cfs_quota\" \"$cfs_period\" )\n  [ \"$ncpu\" -gt 0 ] || return 1\n  echo \"$ncpu\"\n}\n\nget_quota_v2() {\n  cpuroot=$1\n  ncpu=0\n  [ -f \"$cpuroot/cpu.max\" ] || return 1\n  cfs_quota=$( cut -d' ' -f 1 < \"$cpuroot/cpu.max\" )\n  cfs_period=$( cut -d' ' -f 2 < \"$cpuroot/cpu.max\" )\n  [ \"$cfs_quota\" = \"max\" ] && return 1\n  [ \"$cfs_period\" = \"0\" ] && return 1\n  ncpu=$( ceildiv \"$cfs_quota\" \"$cfs_period\" )\n  [ \"$ncpu\" -gt 0 ] || return 1\n  echo \"$ncpu\"\n}\n\nget_cgroup_v1_path() {\n  needle=$1\n  found=\n  foundroot=\n  mountpoint=\n\n  [ -r \"/proc/self/mountinfo\" ] || return 1\n  [ -r \"/proc/self/cgroup\" ] || return 1\n\n  while IFS= read -r line; do\n    case \"$needle\" in\n      \"cpuset\")\n        case \"$line\" in\n          *cpuset*)\n            found=$( echo \"$line\" | cut -d ' ' -f 4,5 )\n            break\n            ;;\n        esac\n        ;;\n      \"cpu\")\n        case \"$line\" in\n          *cpuset*)\n            ;;\n          *cpu,cpuacct*|*cpuacct,cpu|*cpuacct*|*cpu*)\n            found=$( echo \"$line\" | cut -d ' ' -f 4,5 )\n            break\n            ;;\n        esac\n    esac\n  done << __EOF__\n$( grep -F -- '- cgroup ' /proc/self/mountinfo )\n__EOF__\n\n  while IFS= read -r line; do\n    controller=$( echo \"$line\" | cut -d: -f 2 )\n    case \"$needle\" in\n      \"cpuset\")\n        case \"$controller\" in\n          cpuset)\n            mountpoint=$( echo \"$line\" | cut -d: -f 3 )\n            break\n            ;;\n        esac\n        ;;\n      \"cpu\")\n        case \"$controller\" in\n          cpu,cpuacct|cpuacct,cpu|cpuacct|cpu)\n            mountpoint=$( echo \"$line\" | cut -d: -f 3 )\n            break\n            ;;\n        esac\n        ;;\n    esac\ndone << __EOF__\n$( grep -F -- 'cpu' /proc/self/cgroup )\n__EOF__\n\n  case \"${found%% *}\" in\n    \"/\")\n      foundroot=\"${found##* }$mountpoint\"\n      ;;\n    \"$mountpoint\")\n      foundroot=\"${found##* }\"\n      ;;\n  esac\n  echo \"$foundroot\"\n}\n\nget_cgroup_v2_path() {\n  found=\n  foundroot=\n  mountpoint=\n\n  [ -r \"/proc/self/mountinfo\" ] || return 1\n  [ -r \"/proc/self/cgroup\" ] || return 1\n\n  while IFS= read -r line; do\n    found=$( echo \"$line\" | cut -d ' ' -f 4,5 )\n  done << __EOF__\n$( grep -F -- '- cgroup2 ' /proc/self/mountinfo )\n__EOF__\n\n  while IFS= read -r line; do\n    mountpoint=$( echo \"$line\" | cut -d: -f 3 )\ndone << __EOF__\n$( grep -F -- '0::' /proc/self/cgroup )\n__EOF__\n\n  case \"${found%% *}\" in\n    \"\")\n      return 1\n      ;;\n    \"/\")\n      foundroot=\"${found##* }$mountpoint\"\n      ;;\n    \"$mountpoint\")\n      foundroot=\"${found##* }\"\n      ;;\n  esac\n  echo \"$foundroot\"\n}\n\nncpu_online=$( getconf _NPROCESSORS_ONLN )\nncpu_cpuset=\nncpu_quota=\nncpu_cpuset_v2=\nncpu_quota_v2=\n\ncpuset=$( get_cgroup_v1_path \"cpuset\" ) && ncpu_cpuset=$( get_cpuset \"$cpuset\" \"cpuset.effective_cpus\" ) || ncpu_cpuset=$ncpu_online\ncpu=$( get_cgroup_v1_path \"cpu\" ) && ncpu_quota=$( get_quota \"$cpu\" ) || ncpu_quota=$ncpu_online\ncgroup_v2=$( get_cgroup_v2_path ) && ncpu_cpuset_v2=$( get_cpuset \"$cgroup_v2\" \"cpuset.cpus.effective\" ) || ncpu_cpuset_v2=$ncpu_online\ncgroup_v2=$( get_cgroup_v2_path ) && ncpu_quota_v2=$( get_quota_v2 \"$cgroup_v2\" ) || ncpu_quota_v2=$ncpu_online\n\nncpu=$( printf \"%s\\n%s\\n%s\\n%s\\n%s\\n\" \\\n               \"$ncpu_online\" \\\n               \"$ncpu_cpuset\" \\\n               \"$ncpu_quota\" \\\n               \"$ncpu_cpuset_v2\" \\\n               \"$ncpu_quota_v2\" \\\n               | sort -n \\\n               | head -n 1 )\n\nsed -i.bak -r 's/^(worker_processes)(.*)$/# Commented out by '\"$ME\"' on '\"$(date)\"'\\n#\\1\\2\\n\\1 '\"$ncpu\"';/' /etc/nginx/nginx.conf\n";
