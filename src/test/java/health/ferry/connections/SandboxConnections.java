package health.ferry.connections;

import io.restassured.path.json.JsonPath;

/** The sandbox connection helpers for tests of other packages (sync): a ward, a connection, its settled state. */
public final class SandboxConnections {
    private SandboxConnections() {
    }

    public static String ward(String user, String name, String birthDate) {
        return Sandbox.ward(user, name, birthDate);
    }

    /** A credentials connection to Sandbox General Hospital, waited until it settles; answers its id. */
    public static String connected(String user, String personId, String username) {
        String id = Sandbox.connect(user, personId, username, "demo");
        JsonPath c = Sandbox.settled(user, id);
        if (!"connected".equals(c.getString("status"))) {
            throw new AssertionError("sandbox user " + username + " did not connect: " + c.getString("status"));
        }
        return id;
    }

    /** A credentials connection the sandbox refuses (e.g. "locked"), waited until it settles; answers its id. */
    public static String failed(String user, String personId, String username) {
        String id = Sandbox.connect(user, personId, username, "demo");
        if ("connected".equals(Sandbox.settled(user, id).getString("status"))) {
            throw new AssertionError("sandbox user " + username + " connected");
        }
        return id;
    }

    public static JsonPath settled(String user, String connectionId) {
        return Sandbox.settled(user, connectionId);
    }
}
