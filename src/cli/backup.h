/* cli_backup: the backup command. */
#ifndef KEHTO_CLI_BACKUP_H
#define KEHTO_CLI_BACKUP_H
#include "cli/cli.h"

/* Copies kept by `kehto backup` without --keep: FILE and FILE.1 … FILE.6, a week of daily backups. */
enum { BACKUP_KEEP = 7, BACKUP_KEEP_MAX = 1000 /* the largest --keep */ };

/* `kehto backup FILE [--keep N]`: writes a compacted copy of the database (db_backup) to FILE.new, moves the older
 * copies one up (FILE → FILE.1 … FILE.(N-1); the oldest is deleted), renames FILE.new to FILE, then erases in the
 * older copies the people erased since they were written (person_erase_again). Returns the exit code: 0 done,
 * 1 error (message on stderr; an error before the rename leaves the copies as they were), 2 wrong usage. */
int cli_backup(const cli_args *a);

#endif
