# Starting and stopping kgrec for the benchmark scripts; sourced, not run. The caller sets JAR, HTTP_PORT, BOLT_PORT
# and APP_JAVA_OPTS (the server JVM's flags, split on spaces) and installs `trap stop_app EXIT`.

# A fresh copy of a data folder, written through to the disk before kgrec starts on it. The trained demo data is
# gigabytes (4.1 GB, 3 GB of it transaction logs, when trained before the embedded database kept only 512 MB of logs),
# and without the sync the kernel flushes the copy while the server starts and takes its first requests, so its
# commits queue behind gigabytes of someone else's writes.
fresh_copy() { # from, to
  rm -rf "$2"
  cp -r "$1" "$2"
  sync
}

APP_PID=
stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}

start_app() { # data folder, log file
  # shellcheck disable=SC2086
  KGREC_DATA_DIR="$1" KGREC_BOLT_ADDRESS=127.0.0.1:$BOLT_PORT NEO4J_URI= \
    java $APP_JAVA_OPTS -jar "$JAR" serve --port "$HTTP_PORT" >"$2" 2>&1 &
  APP_PID=$!
}

await_log() { # log file, text, seconds
  for _ in $(seq "$3"); do
    grep -q "$2" "$1" && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "kgrec exited; see $1" >&2; exit 1; }
    sleep 1
  done
  echo "no '$2' in $1 within $3 s" >&2
  exit 1
}

await_ready() { # seconds, log file: as a load balancer would, send no request before GET /ready answers 200
  for _ in $(seq "$1"); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/ready")" == 200 ]] && return 0
    kill -0 "$APP_PID" 2>/dev/null || { echo "kgrec exited; see $2" >&2; exit 1; }
    sleep 1
  done
  echo "kgrec did not report ready within $1 s; see $2" >&2
  exit 1
}
