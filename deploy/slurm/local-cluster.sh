#!/usr/bin/env bash
# Starts (or stops) a one-node Slurm cluster on this machine, for trying deploy/slurm/grid.sbatch locally and
# for the test that does so. Needs root and the Debian packages slurm-wlm and munge.
#
#   deploy/slurm/local-cluster.sh start    # munged, slurmctld, slurmd; waits until the node is idle
#   deploy/slurm/local-cluster.sh env      # prints 'export SLURM_CONF=...' for sbatch/squeue/sinfo
#   deploy/slurm/local-cluster.sh status
#   deploy/slurm/local-cluster.sh stop     # stops the three daemons by the pids this script recorded
#
# Everything lives in one state folder (SLURM_LOCAL_DIR, default /tmp/sessionrnn-slurm): slurm.conf, a private
# munge key and socket, spool and state folders, logs and pid files. Nothing under /etc is touched, so the
# cluster does not disturb a system Slurm or munge; client commands find it through SLURM_CONF. Ports:
# SLURM_LOCAL_PORT (slurmctld, default 6817) and the port after it (slurmd).
set -euo pipefail

STATE=${SLURM_LOCAL_DIR:-/tmp/sessionrnn-slurm}
PORT=${SLURM_LOCAL_PORT:-6817}
CONF="$STATE/slurm.conf"
MUNGE="$STATE/munge"
SOCKET="$MUNGE/munge.socket.2"

die() { echo "local-cluster: $*" >&2; exit 1; }

pid_of() { # prints the pid in pid file $1 if that process is alive
  local f=$1
  [[ -s $f ]] || return 1
  local pid; pid=$(cat "$f")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

check_prerequisites() {
  [[ $(id -u) -eq 0 ]] || die "needs root (slurmd starts jobs as their user); running as $(id -un)"
  local missing=()
  for cmd in munged mungekey slurmctld slurmd sbatch sinfo; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
  done
  ((${#missing[@]} == 0)) || die "missing ${missing[*]}: apt-get install -y slurm-wlm munge"
  id munge >/dev/null 2>&1 || die "no 'munge' user: apt-get install -y munge"
}

write_config() {
  local host cpus mem
  host=$(hostname -s)
  cpus=$(nproc)
  mem=$(awk '/MemTotal/ {print int($2 / 1024 * 0.8)}' /proc/meminfo) # below the machine's, as slurmd wants
  mkdir -p "$STATE/ctld" "$STATE/d" "$STATE/log"
  cat >"$CONF" <<CONF
# one-node cluster written by deploy/slurm/local-cluster.sh
ClusterName=sessionrnn
SlurmctldHost=$host
SlurmctldPort=$PORT
SlurmdPort=$((PORT + 1))
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$STATE/ctld
SlurmdSpoolDir=$STATE/d
SlurmctldPidFile=$STATE/slurmctld.pid
SlurmdPidFile=$STATE/slurmd.pid
SlurmctldLogFile=$STATE/log/slurmctld.log
SlurmdLogFile=$STATE/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  : >"$STATE/cgroup.conf" # an empty one avoids a warning; the cgroup plugins are not used
}

start_munge() {
  if pid_of "$MUNGE/munged.pid" >/dev/null; then return; fi
  mkdir -p "$MUNGE"
  [[ -s $MUNGE/munge.key ]] || dd if=/dev/urandom of="$MUNGE/munge.key" bs=1024 count=1 status=none
  chown -R munge: "$MUNGE"
  chmod 0700 "$MUNGE"
  chmod 0400 "$MUNGE/munge.key"
  runuser -u munge -- test -x "$MUNGE" ||
    die "the munge user cannot reach $MUNGE: every folder above it must be searchable by others (chmod o+x)"
  runuser -u munge -- munged --socket="$SOCKET" --key-file="$MUNGE/munge.key" --pid-file="$MUNGE/munged.pid" \
    --log-file="$MUNGE/munged.log" --seed-file="$MUNGE/munged.seed" --force ||
    die "munged did not start (log: $MUNGE/munged.log)"
  # slurm (running as root) must reach the socket: let others traverse the folder, not list or write it
  chmod 0711 "$MUNGE"
}

start() {
  check_prerequisites
  mkdir -p "$STATE"
  write_config
  start_munge
  export SLURM_CONF="$CONF"
  pid_of "$STATE/slurmctld.pid" >/dev/null || slurmctld -c
  pid_of "$STATE/slurmd.pid" >/dev/null || slurmd
  for _ in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qx 'idle'; then
      echo "local-cluster: node $(hostname -s) idle ($(nproc) CPUs); export SLURM_CONF=$CONF"
      return
    fi
    sleep 0.5
  done
  die "the node did not become idle in 30 s; logs in $STATE/log and $MUNGE/munged.log"
}

stop() {
  local name pid
  for name in slurmd.pid slurmctld.pid munge/munged.pid; do
    if pid=$(pid_of "$STATE/$name"); then
      kill "$pid"
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "local-cluster: stopped ${name%.pid} (pid $pid)"
    fi
    rm -f "$STATE/$name"
  done
}

status() {
  local name pid
  for name in munge/munged.pid slurmctld.pid slurmd.pid; do
    if pid=$(pid_of "$STATE/$name"); then echo "${name%.pid}: running (pid $pid)"; else echo "${name%.pid}: stopped"; fi
  done
  if pid_of "$STATE/slurmctld.pid" >/dev/null; then SLURM_CONF="$CONF" sinfo; fi
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  status) status ;;
  env) echo "export SLURM_CONF=$CONF" ;;
  *) echo "usage: $0 start|stop|status|env   (state folder: $STATE)" >&2; exit 2 ;;
esac
