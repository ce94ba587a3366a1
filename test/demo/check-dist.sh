#!/bin/sh
# Is the built app there? Run by the compose service `plugin-built` before Grafana starts (Grafana refuses to start
# when a provisioned app is missing, with a message far from the cause).   sh test/demo/check-dist.sh DIR
# Exit 0 when DIR holds the built app with its nested panel and datasource; 1 with one line saying what to run.
dir=${1:-dist}
for f in plugin.json module.js panel/module.js datasource/module.js; do
  if [ ! -s "$dir/$f" ]; then
    echo "candor: the built plugin is missing ($f not in dist/): run \`npm install && npm run build\` before \`docker compose up\`" >&2
    exit 1
  fi
done
echo "candor: the built plugin is in place"
