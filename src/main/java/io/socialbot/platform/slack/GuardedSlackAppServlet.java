package io.socialbot.platform.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Bolt's servlet, answering 400 instead of 500 when a (signed) payload cannot be parsed at all. */
final class GuardedSlackAppServlet extends SlackAppServlet {

    private static final Logger log = LoggerFactory.getLogger(GuardedSlackAppServlet.class);

    GuardedSlackAppServlet(App app) {
        super(app);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            super.doPost(req, resp);
        } catch (RuntimeException e) {
            log.info("Malformed Slack request from {} refused: {}", req.getRemoteAddr(), e.getClass().getSimpleName());
            if (!resp.isCommitted()) {
                resp.reset();
                resp.setStatus(400);
                resp.setContentType("application/json");
                resp.getWriter().write("{\"error\":\"malformed request\"}");
            }
        }
    }
}
