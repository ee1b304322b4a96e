package health.ferry.web;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes Ferry's OpenAPI document while the build generates it (SmallRye's OpenAPI Maven plugin, in the
 * {@code process-classes} phase; see pom.xml and {@link ApiDescription}). Ferry runs no OpenAPI code: the document is
 * read from the class path as the build wrote it.
 *
 * <p>The plugin's scan describes paths, parameters, bodies and schemas from the JAX-RS and MicroProfile OpenAPI
 * annotations. This filter adds what the sign-in rules say, read from the same annotations the server enforces:
 * <ul>
 *   <li>the OIDC security scheme ({@value #SCHEME}, its discovery URL filled in when the document is served);</li>
 *   <li>for each operation whose method (or, failing that, class) is {@code @RolesAllowed}: a security requirement
 *       whose scopes are those roles, and the 401 and 403 answers; {@code @Authenticated}: the requirement with no
 *       scopes, and the same answers; {@code @PermitAll} or nothing: no requirement;</li>
 *   <li>a 400 answer for POST and PUT operations that take a body which is neither a file alone nor a bare string,
 *       number or boolean (what Bean Validation, the JSON reader and the upload checks refuse).</li>
 * </ul>
 * The plugin names operations {@code package.Class_method} so that each can be traced to its Java method; this filter
 * shortens the names to {@code Class_method}.
 */
public class ApiDocumentFilter implements OASFilter {
    /** The security scheme's name in the document. */
    public static final String SCHEME = "SecurityScheme";
    /** Stands for the OIDC provider's discovery URL until {@link ApiDescription} serves the document. */
    public static final String OIDC_URL_PLACEHOLDER = "https://ferry.invalid/oidc-discovery-url";

    private static final Set<String> FILE_TYPES = Set.of("multipart/form-data", "application/octet-stream");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = Optional.ofNullable(api.getComponents()).orElseGet(OASFactory::createComponents);
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                .description("Authentication").openIdConnectUrl(OIDC_URL_PLACEHOLDER));
        api.setComponents(components);
        if (api.getPaths() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> each : item.getOperations().entrySet()) {
                complete(each.getKey(), each.getValue(), components);
            }
        }
    }

    private static void complete(PathItem.HttpMethod verb, Operation operation, Components components) {
        String id = operation.getOperationId();
        int split = id == null ? -1 : id.lastIndexOf('_');
        if (split < 0) {
            throw new IllegalStateException("operation id " + id + " is not package.Class_method: is the OpenAPI "
                    + "plugin's operationIdStrategy PACKAGE_CLASS_METHOD (pom.xml)?");
        }
        Class<?> type = load(id.substring(0, split));
        Method method = method(type, id.substring(split + 1));
        operation.setOperationId(type.getSimpleName() + "_" + method.getName());

        Rule rule = rule(method).or(() -> rule(type)).orElse(Rule.ANYONE);
        if (rule.scopes() != null) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(SCHEME, rule.scopes()));
            addAnswer(operation, "401", "Not Authorized");
            addAnswer(operation, "403", "Not Allowed");
        }
        if ((verb == PathItem.HttpMethod.POST || verb == PathItem.HttpMethod.PUT) && validatedBody(operation, components)) {
            addAnswer(operation, "400", "Bad Request");
        }
    }

    /** A sign-in rule: the roles an operation needs as scopes, none for any signed-in user, {@code null} for anyone. */
    private record Rule(List<String> scopes) {
        static final Rule ANYONE = new Rule(null);
    }

    /** What an element's own annotations require, if they say anything. */
    private static Optional<Rule> rule(AnnotatedElement element) {
        if (element.isAnnotationPresent(PermitAll.class)) {
            return Optional.of(Rule.ANYONE);
        }
        RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
        if (roles != null) {
            return Optional.of(new Rule(List.of(roles.value())));
        }
        return element.isAnnotationPresent(Authenticated.class) ? Optional.of(new Rule(List.of())) : Optional.empty();
    }

    /** A body the server reads and checks: neither a bare string, number or boolean, nor a file alone. */
    private static boolean validatedBody(Operation operation, Components components) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return false;
        }
        for (Map.Entry<String, MediaType> each : operation.getRequestBody().getContent().getMediaTypes().entrySet()) {
            Schema schema = resolve(each.getValue().getSchema(), components);
            if (scalar(schema) || FILE_TYPES.contains(each.getKey()) && file(schema, components)) {
                return false;
            }
        }
        return true;
    }

    /** A file: binary, or a form whose fields include one binary field. */
    private static boolean file(Schema schema, Components components) {
        return binary(schema) || schema != null && schema.getProperties() != null && schema.getProperties().values()
                .stream().map(field -> resolve(field, components)).anyMatch(ApiDocumentFilter::binary);
    }

    private static boolean binary(Schema schema) {
        return schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.STRING)
                && "binary".equals(schema.getFormat());
    }

    private static Schema resolve(Schema schema, Components components) {
        if (schema != null && schema.getRef() != null && components.getSchemas() != null) {
            return components.getSchemas().get(schema.getRef().replace("#/components/schemas/", ""));
        }
        return schema;
    }

    private static boolean scalar(Schema schema) {
        return schema != null && schema.getType() != null && schema.getType().stream().anyMatch(t ->
                t == Schema.SchemaType.STRING || t == Schema.SchemaType.NUMBER || t == Schema.SchemaType.INTEGER
                        || t == Schema.SchemaType.BOOLEAN);
    }

    private static void addAnswer(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiDocumentFilter.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the OpenAPI scan names a class the build cannot load: " + name, e);
        }
    }

    private static Method method(Class<?> type, String name) {
        List<Method> found = Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException(type.getName() + " has " + found.size() + " public methods named " + name
                    + "; the OpenAPI document needs exactly one to read its sign-in rules from");
        }
        return found.get(0);
    }
}
