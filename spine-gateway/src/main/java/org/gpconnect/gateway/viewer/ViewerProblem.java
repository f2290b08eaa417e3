package org.gpconnect.gateway.viewer;

/**
 * Something the viewer itself refuses or cannot do (bad input, unknown practice, not configured, the
 * consumer listener unreachable), answered to the page as JSON {@code {"status", "message"}}. What the
 * gateway answers to the viewer's consumer request is not a problem of the viewer: it is the rendering.
 */
public class ViewerProblem extends RuntimeException {

    private final int status;

    public ViewerProblem(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static ViewerProblem badInput(String message) {
        return new ViewerProblem(400, message);
    }

    public int status() {
        return status;
    }
}
