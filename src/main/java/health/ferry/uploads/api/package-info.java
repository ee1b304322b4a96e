/**
 * What other features see of Supporting Documents: the small records {@link health.ferry.uploads.SupportingDocuments}
 * returns and takes, and the seam {@link health.ferry.uploads.api.DocumentDecisions} through which the upload pages
 * show coordinators' decisions without uploads depending on review. Nothing here holds behaviour.
 */
package health.ferry.uploads.api;
