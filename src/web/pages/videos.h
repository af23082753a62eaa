/* pages/videos: the routes of videos.c: /videot, a video's page /videot/{id} with its captions, the captions as
 * WebVTT /videot/{id}/tekstitys/{lang}.vtt, and the staff's /hallinta/videot. */
#ifndef KEHTO_PAGES_VIDEOS_H
#define KEHTO_PAGES_VIDEOS_H
#include "web/routes.h"

/* Ends with an entry whose method is NULL. */
extern const route videos_routes[];

#endif
