package health.ferry.directory;

import ca.uhn.fhir.context.FhirContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Imports published portal lists (FHIR Endpoint bundles, SMART user-access brands bundles) from an upload or the
 * import folder. Never throws for what a file contains: a bad entry is skipped and reported, a bad file gives a
 * report with an error. Imports run one at a time and update in place, so re-running one changes nothing.
 */
@ApplicationScoped
public class DirectoryImport {
    private static final Logger LOG = Logger.getLogger(DirectoryImport.class);

    @Inject
    FhirContext fhir;
    @Inject
    DirectoryWriter writer;
    @Inject
    DirectoryIndex index;
    @Inject
    health.ferry.outbound.OutboundPolicy outbound;

    private final ReentrantLock oneAtATime = new ReentrantLock();

    /**
     * Imports one list. {@code source} names it in the report and logs (a file name, never content);
     * {@code vendorHint} is the EHR vendor when the addresses do not tell (may be null).
     */
    public ImportReport importList(String source, InputStream in, String vendorHint) {
        source = label(source);
        oneAtATime.lock();
        try {
            ImportBatch batch;
            try {
                batch = ImportBatch.read(in, fhir, vendorHint, outbound);
            } catch (BundleReader.Unreadable e) {
                LOG.infof("Directory import %s refused: %s", source, e.getMessage());
                return ImportReport.failed(source, e.getMessage());
            }
            ImportReport report = write(source, batch);
            index.rebuild();
            return report;
        } finally {
            oneAtATime.unlock();
        }
    }

    /** Imports every {@code *.json} file of a folder, in name order. */
    List<ImportReport> importFolder(Path dir, String vendorHint) {
        List<ImportReport> reports = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            LOG.warnf("Directory import folder %s does not exist; nothing imported", dir);
            return reports;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList()) {
                reports.add(importFile(file, vendorHint));
            }
        } catch (IOException e) {
            LOG.warnf("Directory import folder %s could not be listed (%s)", dir, e.getClass().getSimpleName());
        }
        return reports;
    }

    private ImportReport importFile(Path file, String vendorHint) {
        String source = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return importList(source, in, vendorHint);
        } catch (IOException e) {
            return ImportReport.failed(source, "The file could not be opened.");
        }
    }

    /** A source name safe for logs and reports: printable, at most 100 characters. */
    private static String label(String source) {
        String s = source == null ? "" : source.replaceAll("[\\p{Cntrl}]", "").strip();
        return s.isEmpty() ? "upload" : s.length() > 100 ? s.substring(0, 100) : s;
    }

    private ImportReport write(String source, ImportBatch batch) {
        try {
            ImportReport report = writer.write(source, batch);
            LOG.infof("Directory import %s: %d created, %d updated, %d unchanged, %d entries skipped", source,
                    report.created(), report.updated(), report.unchanged(), report.skipped());
            return report;
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.errorf("Directory import %s failed while saving, reference %s: %s", source, reference,
                    e.getClass().getName());
            return ImportReport.failed(source, "The list was read but could not be saved completely. Run the import "
                    + "again; records already saved are updated in place. Reference: " + reference);
        }
    }
}
