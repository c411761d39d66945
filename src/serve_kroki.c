/* serve_kroki.c - Kroki's HTTP API as jobs (serve_int.h).
 *
 *   GET  /TYPE/FORMAT/ENCODED        ENCODED: the source deflated (zlib) and base64url encoded
 *   POST /TYPE/FORMAT                body: the source (text/plain), or Kroki's JSON
 *                                    {"diagram_source": "...", "diagram_options": {...}}
 *   POST /                           JSON with "diagram_type" and "output_format" as well
 * TYPE is journeymap or mermaid; FORMAT svg, png or pdf. Options come from the query, the JSON's
 * diagram_options and Kroki-Diagram-Options-NAME headers, later ones winning in that order. */
#include "serve_int.h"
#include <json-glib/json-glib.h>
#include <string.h>
#include <zlib.h>

void jm_job_free(jm_job *j) {
    if (!j) return;
    g_free(j->type);
    g_free(j->format);
    if (j->source) g_bytes_unref(j->source);
    if (j->options) g_ptr_array_free(j->options, TRUE);
    g_free(j);
}

GBytes *jm_kroki_decode(const char *encoded, size_t max) {
    size_t n = strlen(encoded);
    if (n == 0 || n > 4 * max + 8) return NULL;
    char *b64 = g_malloc(n + 4);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = encoded[i];
        if (c == '-') c = '+';
        else if (c == '_') c = '/';
        else if (c == '=') break;
        else if (!g_ascii_isalnum(c) && c != '+' && c != '/') { g_free(b64); return NULL; }
        b64[k++] = c;
    }
    if (k % 4 == 1) { g_free(b64); return NULL; }
    while (k % 4) b64[k++] = '=';
    b64[k] = '\0';
    gsize zlen = 0;
    guchar *z = g_base64_decode(b64, &zlen);
    g_free(b64);
    if (!z || !zlen) { g_free(z); return NULL; }
    z_stream zs = { 0 };
    /* zlib's header (Kroki's clients), or raw deflate (some write that): 32 + 15 detects zlib
     * and gzip; on a header error retry as raw */
    GByteArray *out = g_byte_array_new();
    for (int attempt = 0; attempt < 2; attempt++) {
        memset(&zs, 0, sizeof zs);
        if (inflateInit2(&zs, attempt ? -15 : 32 + 15) != Z_OK) break;
        zs.next_in = z;
        zs.avail_in = (uInt)zlen;
        g_byte_array_set_size(out, 0);
        int rc = Z_OK;
        unsigned char buf[16384];
        while (rc == Z_OK) {
            zs.next_out = buf;
            zs.avail_out = sizeof buf;
            rc = inflate(&zs, Z_NO_FLUSH);
            g_byte_array_append(out, buf, (guint)(sizeof buf - zs.avail_out));
            if (out->len > max) { rc = Z_MEM_ERROR; break; }
        }
        inflateEnd(&zs);
        if (rc == Z_STREAM_END) {
            g_free(z);
            return g_byte_array_free_to_bytes(out);
        }
        if (rc == Z_MEM_ERROR) break;   /* too big: no second try */
    }
    g_free(z);
    g_byte_array_free(out, TRUE);
    return NULL;
}

static void add_option(jm_job *j, const char *name, const char *value) {
    g_ptr_array_add(j->options, g_ascii_strdown(name, -1));
    g_ptr_array_add(j->options, g_strdup(value));
}

static jm_job *refuse(jm_job *j, jm_refusal *r, int status, char *message) {
    jm_job_free(j);
    r->status = status;
    r->message = message;
    return NULL;
}

/* Kroki's JSON body: the source, its options, and (for POST /) the type and format. */
static bool read_json(jm_job *j, const char *body, size_t len, jm_refusal *r) {
    JsonParser *p = json_parser_new();
    GError *err = NULL;
    bool ok = json_parser_load_from_data(p, body, (gssize)len, &err);
    JsonNode *root = ok ? json_parser_get_root(p) : NULL;
    JsonObject *o = root && JSON_NODE_HOLDS_OBJECT(root) ? json_node_get_object(root) : NULL;
    const char *src = o && json_object_has_member(o, "diagram_source") ? json_object_get_string_member(o, "diagram_source") : NULL;
    if (!src) {
        r->status = 400;
        r->message = err ? g_strdup_printf("the JSON body cannot be read: %s", err->message)
                         : g_strdup("the JSON body needs \"diagram_source\", a string");
        if (err) g_error_free(err);
        g_object_unref(p);
        return false;
    }
    j->source = g_bytes_new(src, strlen(src));
    if (!j->type && json_object_has_member(o, "diagram_type")) j->type = g_ascii_strdown(json_object_get_string_member(o, "diagram_type"), -1);
    if (!j->format && json_object_has_member(o, "output_format")) j->format = g_ascii_strdown(json_object_get_string_member(o, "output_format"), -1);
    JsonNode *opts = json_object_get_member(o, "diagram_options");
    if (opts && JSON_NODE_HOLDS_OBJECT(opts)) {
        JsonObject *oo = json_node_get_object(opts);
        GList *names = json_object_get_members(oo);
        names = g_list_sort(names, (GCompareFunc)strcmp);   /* a stable order */
        for (GList *l = names; l; l = l->next) {
            JsonNode *v = json_object_get_member(oo, l->data);
            if (JSON_NODE_HOLDS_VALUE(v)) {
                GValue gv = G_VALUE_INIT;
                json_node_get_value(v, &gv);
                GValue s = G_VALUE_INIT;
                g_value_init(&s, G_TYPE_STRING);
                if (g_value_transform(&gv, &s)) add_option(j, l->data, g_value_get_string(&s));
                g_value_unset(&s);
                g_value_unset(&gv);
            }
        }
        g_list_free(names);
    }
    g_object_unref(p);
    return true;
}

static void add_table(jm_job *j, GHashTable *t) {
    if (!t) return;
    GList *keys = g_list_sort(g_hash_table_get_keys(t), (GCompareFunc)strcmp);
    for (GList *l = keys; l; l = l->next) add_option(j, l->data, g_hash_table_lookup(t, l->data));
    g_list_free(keys);
}

jm_job *jm_kroki_parse(const char *method, const char *path, GHashTable *query, GHashTable *headers,
                       const char *body, size_t body_len, const char *content_type, const jm_limits *lim,
                       jm_refusal *r) {
    jm_job *j = g_new0(jm_job, 1);
    j->options = g_ptr_array_new_with_free_func(g_free);
    char **parts = g_strsplit(path[0] == '/' ? path + 1 : path, "/", 4);
    guint n = g_strv_length(parts);
    bool get = !strcmp(method, "GET"), post = !strcmp(method, "POST");
    if (n >= 1 && *parts[0]) j->type = g_ascii_strdown(parts[0], -1);
    if (n >= 2 && *parts[1]) j->format = g_ascii_strdown(parts[1], -1);
    char *encoded = n >= 3 ? g_strdup(parts[2]) : NULL;
    g_strfreev(parts);
    if (get) {
        if (!encoded || !*encoded) { g_free(encoded); return refuse(j, r, 400, g_strdup("GET /TYPE/FORMAT/SOURCE: the source, deflated and base64url encoded, is missing")); }
        j->source = jm_kroki_decode(encoded, lim->max_body);
        g_free(encoded);
        if (!j->source) return refuse(j, r, 400, g_strdup_printf("the source in the path is not deflated base64url text of at most %zu bytes", lim->max_body));
    } else if (post) {
        g_free(encoded);
        if (body_len > lim->max_body) return refuse(j, r, 413, g_strdup_printf("the body is larger than %zu bytes", lim->max_body));
        if (content_type && g_str_has_prefix(content_type, "application/json")) {
            if (!read_json(j, body, body_len, r)) { jm_job_free(j); return NULL; }
        } else {
            j->source = g_bytes_new(body, body_len);
        }
    } else {
        g_free(encoded);
        return refuse(j, r, 405, g_strdup_printf("%s is not served: GET or POST", method));
    }
    if (!j->type || !j->format) return refuse(j, r, 404, g_strdup("the path is /TYPE/FORMAT (TYPE journeymap or mermaid, FORMAT svg, png or pdf)"));
    if (strcmp(j->type, "journeymap") && strcmp(j->type, "mermaid"))
        return refuse(j, r, 404, g_strdup_printf("diagram type '%s' is not served here: journeymap or mermaid", j->type));
    if (strcmp(j->format, "svg") && strcmp(j->format, "png") && strcmp(j->format, "pdf"))
        return refuse(j, r, 400, g_strdup_printf("output format '%s' is not served: svg, png or pdf", j->format));
    if (g_bytes_get_size(j->source) > lim->max_body)
        return refuse(j, r, 413, g_strdup_printf("the source is larger than %zu bytes", lim->max_body));
    add_table(j, query);
    add_table(j, headers);
    return j;
}
