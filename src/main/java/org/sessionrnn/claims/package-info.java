/**
 * Several workers on one results folder: which runs a shard owns ({@link org.sessionrnn.claims.Shard}), atomic
 * claims with heartbeats so that no run is trained twice and a dead worker's run is taken over
 * ({@link org.sessionrnn.claims.ClaimBoard}), and the registry of workers that keeps incompatible workers off a
 * folder ({@link org.sessionrnn.claims.Workers}): the one way a runner, a shard or a search keeps others out.
 * Plain files only, so it works on any shared file system with hard links and atomic renames (NFS, Lustre, GPFS,
 * CephFS), without a server.
 */
package org.sessionrnn.claims;
