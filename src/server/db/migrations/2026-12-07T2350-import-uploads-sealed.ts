import type { Kysely } from 'kysely';

// Stored import uploads are now sealed (AES-256-GCM under the personal-data key) and deleted once
// their import is committed or cancelled. Uploads stored before this are plain workbooks full of ID
// numbers; a migration never sees the key to seal them, and they are at most QUNTUAN_UPLOAD_HOURS
// old dry runs, so they go: a pending confirm asks for the file again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('import_uploads').execute();
}

export async function down(): Promise<void> {
  // nothing to restore: the plain uploads are gone for good
}
