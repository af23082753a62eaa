/* cli_people: the commands on people: import participants and attendance, person export and erase. */
#ifndef KEHTO_CLI_PEOPLE_H
#define KEHTO_CLI_PEOPLE_H
#include "cli/cli.h"

/* Each returns the process exit code: 0 done, 1 data or storage error (message on stderr), 2 wrong usage. */
int cli_import_participants(const cli_args *a);
int cli_import_attendance(const cli_args *a);
int cli_person_export(const cli_args *a);
int cli_person_erase(const cli_args *a);

#endif
