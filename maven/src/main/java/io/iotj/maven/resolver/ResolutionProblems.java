package io.iotj.maven.resolver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;

/**
 * Maven Resolver's failure in a user's words: which artifact could not be had (and through which
 * dependency path, when it came with another), why (not found, or the repository could not be
 * reached), and where the resolver looked.
 */
final class ResolutionProblems {
    private ResolutionProblems() {
    }

    static String describe(DependencyResolutionException e, String where) {
        Set<String> lines = new LinkedHashSet<>();
        Throwable cause = e.getCause();
        if (cause instanceof ArtifactResolutionException are) {
            for (ArtifactResult r : are.getResults()) {
                if (!r.isResolved()) {
                    for (Exception x : r.getExceptions()) {
                        lines.add(r.getRequest().getArtifact() + ": " + reason(x));
                    }
                }
            }
        } else if (cause instanceof DependencyCollectionException dce) {
            lines.add(collection(dce));
        }
        if (lines.isEmpty()) {
            lines.add(firstLine(e.getMessage()) + rootCause(e));
        }
        List<String> out = new ArrayList<>();
        out.add((lines.size() == 1 ? "could not resolve " : "could not resolve these:\n  ")
                + String.join("\n  ", lines));
        out.add("looked in: " + where);
        return String.join("\n", out);
    }

    /** The artifact whose POM could not be read while the tree was collected, and why. */
    private static String collection(DependencyCollectionException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArtifactDescriptorException ade) {
                String artifact = String.valueOf(ade.getResult().getRequest().getArtifact());
                for (Throwable u = ade; u != null; u = u.getCause()) {
                    if (u instanceof ArtifactNotFoundException nf) {
                        return artifact + ": " + reason(nf);
                    }
                }
                return artifact + ": its POM could not be downloaded" + rootCause(ade);
            }
        }
        return firstLine(e.getMessage()) + rootCause(e);
    }

    private static String reason(Exception x) {
        if (x instanceof ArtifactNotFoundException nf) {
            return "not found in " + nf.getRepository().getId() + " (" + nf.getRepository().getUrl() + ")";
        }
        return firstLine(x.getMessage()) + rootCause(x);
    }

    /** The innermost cause (a refused connection, an unknown host) says most about an unreachable repository. */
    private static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t || root.getMessage() == null ? "" : " (" + root.getClass().getSimpleName() + ": "
                + firstLine(root.getMessage()) + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
