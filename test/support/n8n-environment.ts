import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * n8n-core keeps its instance settings (instance id, encryption key for stored credentials)
 * under `$N8N_USER_FOLDER/.n8n`. Tests point it at a fresh temporary folder with a fixed key
 * so they never touch the developer's own ~/.n8n. Import this before n8n-core builds its
 * InstanceSettings (the harness does).
 */
export function prepareN8nEnvironment(): string {
  if (!process.env.CONTACT_HUB_TEST_N8N_FOLDER) {
    const folder = mkdtempSync(join(tmpdir(), 'contact-hub-n8n-'));
    process.env.CONTACT_HUB_TEST_N8N_FOLDER = folder;
    process.env.N8N_USER_FOLDER = folder;
    process.env.N8N_ENCRYPTION_KEY ??= 'contact-hub-tests-encryption-key';
    process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
  }
  return process.env.CONTACT_HUB_TEST_N8N_FOLDER;
}

prepareN8nEnvironment();
