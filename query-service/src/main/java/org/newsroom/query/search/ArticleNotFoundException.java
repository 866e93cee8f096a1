package org.newsroom.query.search;

/** No article (or story) has the requested id; answered with a 404 problem response. */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(String message) {
        super(message);
    }
}
