#ifndef CONCORD_CLIBXML2_SHIM_H
#define CONCORD_CLIBXML2_SHIM_H

/* libxml2 is built with ICU, so encoding.h includes the system's <unicode/ucnv.h>, whose
   declarations (UErrorCode, …) clash with Foundation's own ICU module when both are
   imported into one Swift module. Concord never touches the ICU converter fields of
   xmlCharEncodingHandler (it only passes pointers to it), so the shim leaves ICU out. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlversion.h>

/* Swift 6 rejects libxml2's global function pointers (xmlFree) as not
   concurrency-safe; these wrappers give it plain functions instead. */
static inline void concord_xmlFree(void *pointer) { xmlFree(pointer); }

/* libxml2's generic error callback is variadic, which Swift cannot write; this one
   keeps libxml2 from printing to stderr (Concord reports errors itself). */
static void concord_ignore_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}

static inline void concord_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, concord_ignore_generic_error);
  xmlSetStructuredErrorFunc(NULL, NULL);
}

static inline int concord_libxml_version(void) { return LIBXML_VERSION; }

#endif
