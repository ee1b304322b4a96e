package health.ferry.uploads.classification;

/**
 * One document entry of an XDM METADATA.XML, checked against the uploaded files.
 *
 * @param metadata     name of the METADATA.XML that lists it
 * @param id           the entry's id in the metadata
 * @param uri          the URI slot (a file name relative to the metadata's folder), or null
 * @param mimeType     declared media type
 * @param declaredSize the size slot, or null
 * @param declaredHash the hash slot (SHA-1 hex per XDS), or null
 * @param typeCode     XDSDocumentEntry.typeCode (usually LOINC), or null
 * @param typeName     its display name, or null
 * @param classCode    XDSDocumentEntry.classCode, or null
 * @param file         name of the uploaded file it was matched to, or null when missing
 * @param sizeMatches  null when not checkable (no file or no size slot)
 * @param hashMatches  null when not checkable (no file or no hash slot)
 */
public record XdmDocumentEntry(String metadata, String id, String uri, String mimeType, Long declaredSize,
        String declaredHash, String typeCode, String typeName, String classCode, String file, Boolean sizeMatches,
        Boolean hashMatches) {
}
