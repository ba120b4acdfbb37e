// Connections to Temporal from configuration: a local dev server, a self-hosted cluster with
// (m)TLS, or Temporal Cloud with an API key.
import { readFile } from 'node:fs/promises';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import type { TemporalConfig } from './config.js';

async function tlsOptions(config: TemporalConfig) {
  if (!config.tls) return undefined;
  const { certPath, keyPath, caPath, serverName } = config.tls;
  return {
    ...(serverName ? { serverNameOverride: serverName } : {}),
    ...(caPath ? { serverRootCACertificate: await readFile(caPath) } : {}),
    ...(certPath && keyPath ? { clientCertPair: { crt: await readFile(certPath), key: await readFile(keyPath) } } : {}),
  };
}

export async function connectClient(config: TemporalConfig): Promise<Client> {
  const tls = await tlsOptions(config);
  const options: ConnectionOptions = {
    address: config.address,
    ...(tls ? { tls } : {}),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  };
  const connection = await Connection.connect(options);
  return new Client({ connection, namespace: config.namespace });
}

export async function connectWorker(config: TemporalConfig): Promise<NativeConnection> {
  const tls = await tlsOptions(config);
  const options: NativeConnectionOptions = {
    address: config.address,
    ...(tls ? { tls } : {}),
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  };
  return NativeConnection.connect(options);
}
