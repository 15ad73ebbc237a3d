# Shared by bench/run and bench/soak (sourced, not executed): build the WAR and CLI, start a private
# Liberty server and wait until it is ready, find its pid. The caller sets root, wlp, server_name and
# base (http://127.0.0.1:PORT) and defines log().

# Builds the WAR and the CLI and lays out the Liberty server; the log goes to $root/target/$1.
# skipUTs: the pom sets surefire's skipTests from it, so -DskipTests alone still ran the unit tests
# (the CLI's nested build runs its own tests either way).
bench_build() { # LOG_NAME
  local build_log="$root/target/$1"
  mkdir -p "$root/target"
  ./mvnw -B -o -q -DskipTests -DskipUTs=true package >"$build_log" 2>&1 \
    || { tail -40 "$build_log" >&2; return 1; }
  ./mvnw -B -o -q -Dcli.skip=true liberty:create liberty:install-feature liberty:deploy \
    >>"$build_log" 2>&1 || { tail -40 "$build_log" >&2; return 1; }
}

now_ms() { date +%s%3N; }

# Starts the server (extra arguments go to `server start`, e.g. --clean) and prints the milliseconds
# until /health/ready answered 200; fails after 300 s with the end of messages.log.
start_server() { # [--clean]
  local t0
  t0=$(now_ms)
  "$wlp/bin/server" start "$server_name" "$@" >/dev/null
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/health/ready")" = 200 ]; do
    if [ $(( $(now_ms) - t0 )) -gt 300000 ]; then
      log "server not ready after 300 s"; tail -30 "$wlp/usr/servers/$server_name/logs/messages.log" >&2; return 1
    fi
    sleep 0.05
  done
  echo $(( $(now_ms) - t0 ))
}

server_pid() { cat "$wlp/usr/servers/.pid/$server_name.pid"; }
