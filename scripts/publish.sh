#!/bin/sh
# A self-contained Linux build of eas-server (no .NET runtime needed on the target) and a tarball with the
# systemd unit and the /etc/eas-server examples, compiled ReadyToRun (the project's publish default):
#   scripts/publish.sh [RID]        RID: linux-x64 (default) or linux-arm64
# Output: artifacts/eas-server-RID/ and artifacts/eas-server-RID.tar.gz; install as README "Production" says.
set -eu
rid="${1:-linux-x64}"
cd "$(dirname "$0")/.."
out="artifacts/eas-server-$rid"
rm -rf "$out"
dotnet publish src/Eas.Host -c Release -r "$rid" --self-contained -o "$out/opt/eas-server"
mkdir -p "$out/etc/eas-server" "$out/etc/systemd/system"
cp config/eas-server.service "$out/etc/systemd/system/"
cp config/etc/appsettings.json "$out/etc/eas-server/appsettings.json.example"
cp config/etc/secrets.env.example "$out/etc/eas-server/secrets.env.example"
tar -C "$out" -czf "$out.tar.gz" opt etc
echo "$out.tar.gz"
