/* api_internal.h - the objects behind journeymap.h, shared by api.c (context, diagnostics,
 * journeys) and api_render.c (options, drawing). Not for other modules. */
#ifndef JM_API_INTERNAL_H
#define JM_API_INTERNAL_H
#include "journeymap.h"
#include <glib.h>
#include "arena.h"
#include "diag.h"
#include "model.h"
#include "style.h"
#include "text.h"

struct _jm_context {
    jm_status_t status;       /* JM_STATUS_DATA when the fonts could not be loaded */
    char *data_dir;           /* owned */
    jm_text *text;            /* the text service: fonts and measured text; NULL when status fails */
    jm_style_cache *styles;   /* built-in styles, loaded on first use */
    jm_diags *diags;          /* the last call's diagnostics */
    jm_arena *records_arena;  /* the last call's records and hints */
    jm_diagnostic_t *records; /* built from `diags` when first asked for; NULL until then */
    size_t n_records;
};

struct _jm_journey {
    jm_arena *arena;          /* the model, its strings and pictures */
    const jm_journey *model;
    char *text;               /* a copy of the source (g_free) */
    size_t len;
    const char *views[8];     /* the views it supports, NULL-terminated */
};

/* Starts a call on `ctx`: the previous call's diagnostics are dropped. */
void jm_api_begin(jm_context_t *ctx);
#endif
