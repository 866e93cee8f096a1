package org.newsroom.query.indexing;

/** The index refuses the document itself (e.g. a mapping conflict): retrying cannot help. */
class RejectedDocumentException extends RuntimeException {

    RejectedDocumentException(String reason) {
        super(reason);
    }
}
