package priorauth.validator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * priorauth's FHIR profile validation gate: validates every FILE against the R4 core and the IG packages
 * given with --package (tgz files), all in one process. Prints every issue as
 * {@code SEVERITY file location: message}; exits 1 when any file has an error, 2 on bad usage.
 *
 * <p>Usage: {@code java -cp ... priorauth.validator.Main [--package IG.tgz]... FILE...}
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    List<Path> packages = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    boolean quiet = false;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--package") && i + 1 < args.length) {
        packages.add(Path.of(args[++i]));
      } else if (args[i].equals("--quiet")) {
        quiet = true; // errors only
      } else if (args[i].startsWith("--")) {
        System.err.println("validate-fhir: unknown option " + args[i]);
        System.exit(2);
      } else {
        files.add(Path.of(args[i]));
      }
    }
    if (files.isEmpty()) {
      System.err.println("usage: validate-fhir [--package IG.tgz]... FILE...");
      System.exit(2);
    }
    FhirContext ctx = FhirContext.forR4Cached();
    PackageSupport igs = new PackageSupport(ctx);
    List<NpmPackage> npms = new ArrayList<>();
    for (Path p : packages) {
      try (InputStream in = new FileInputStream(p.toFile())) {
        NpmPackage npm = NpmPackage.fromPackage(in);
        npms.add(npm);
        igs.present.computeIfAbsent(npm.name(), k -> new java.util.HashSet<>()).add(npm.version());
        if (npm.canonical() != null) {
          igs.canonicals.put(npm.canonical(), npm.name());
        }
      }
    }
    for (NpmPackage npm : npms) {
      int n = igs.load(npm);
      System.err.println("loaded " + npm.name() + "#" + npm.version() + " (" + n + " definitions)");
    }
    for (String line : igs.unresolved) {
      System.err.println("unresolved (dependency not available offline): " + line);
    }
    Offline offline = new Offline(ctx, igs);
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new OfflineCodes(ctx, offline),
            igs,
            new DefaultProfileValidationSupport(ctx),
            new CommonCodeSystemsTerminologyService(ctx),
            new InMemoryTerminologyServerValidationSupport(ctx),
            new SnapshotGeneratingValidationSupport(ctx),
            new UnknownCodeSystemWarningValidationSupport(ctx));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    module.setAnyExtensionsAllowed(true);
    module.setErrorForUnknownProfiles(true);
    module.setNoTerminologyChecks(false);
    FhirValidator validator = ctx.newValidator().registerValidatorModule(module);

    int errors = 0;
    int warnings = 0;
    int failedFiles = 0;
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (Exception e) {
        System.out.println("ERROR " + f + ": cannot read (" + e.getMessage() + ")");
        errors++;
        failedFiles++;
        continue;
      }
      int fileErrors = 0;
      ValidationResult result = validator.validateWithResult(text);
      for (SingleValidationMessage m : result.getMessages()) {
        ResultSeverityEnum sev = m.getSeverity();
        String why = offline.unchecked(m.getMessage());
        if (why != null && (sev == ResultSeverityEnum.ERROR || sev == ResultSeverityEnum.FATAL)) {
          sev = ResultSeverityEnum.WARNING; // a code the validator cannot check without a terminology server
          m.setMessage(m.getMessage() + " [not checked offline: " + why + "]");
        }
        boolean isError = sev == ResultSeverityEnum.ERROR || sev == ResultSeverityEnum.FATAL;
        if (isError) {
          fileErrors++;
        } else if (sev == ResultSeverityEnum.WARNING) {
          warnings++;
        }
        if (quiet && !isError) {
          continue;
        }
        String loc = m.getLocationString() == null ? "" : m.getLocationString();
        String line = m.getLocationLine() == null ? "" : " (line " + m.getLocationLine() + ")";
        System.out.println(sev.name() + " " + f + " " + loc + line + ": " + m.getMessage());
        if (m.getSliceMessages() != null) {
          for (String detail : m.getSliceMessages()) {
            System.out.println("    - " + detail); // why a resource did not match a profile among choices
          }
        }
      }
      errors += fileErrors;
      if (fileErrors > 0) {
        failedFiles++;
      }
    }
    System.out.println(
        "validate-fhir: "
            + files.size()
            + " file(s), "
            + errors
            + " error(s), "
            + warnings
            + " warning(s); "
            + failedFiles
            + " file(s) with errors");
    System.exit(errors > 0 ? 1 : 0);
  }

  /**
   * Which errors only say that a code system is not available offline (HCPCS, CPT, NDC, CMS place of
   * service, X12 code lists, ...): the packages name them but do not carry their content, and there is
   * no terminology server here. Every other error stays an error.
   */
  static final class Offline {
    static final Pattern UNKNOWN_CS =
        Pattern.compile("^(?:CodeSystem is unknown and can't be validated|Unable to expand ValueSet because CodeSystem could not be found|A definition for CodeSystem) ?:? ?'?([^ ']+)");
    static final Pattern CODES = Pattern.compile("\\(codes = ([^)]*)\\)");
    private final DefaultProfileValidationSupport core;
    private final CommonCodeSystemsTerminologyService common;
    private final PackageSupport igs;
    private final ValidationSupportContext context;

    Offline(FhirContext ctx, PackageSupport igs) {
      this.core = new DefaultProfileValidationSupport(ctx);
      this.common = new CommonCodeSystemsTerminologyService(ctx);
      this.igs = igs;
      this.context = new ValidationSupportContext(new ValidationSupportChain(igs, core, common));
    }

    static final Pattern VALUESET = Pattern.compile("value set '[^']*' \\(([^)|]+)");

    /** The code systems a value set includes, directly or through the value sets it imports. */
    java.util.Set<String> systemsOf(String url, int depth) {
      java.util.Set<String> out = new java.util.HashSet<>();
      IBaseResource found = igs.fetchValueSet(url);
      if (found == null) {
        found = core.fetchValueSet(url);
      }
      if (!(found instanceof org.hl7.fhir.r4.model.ValueSet vs) || depth > 5) {
        return out;
      }
      for (org.hl7.fhir.r4.model.ValueSet.ConceptSetComponent inc : vs.getCompose().getInclude()) {
        if (inc.hasSystem()) {
          out.add(inc.getSystem());
        }
        for (org.hl7.fhir.r4.model.CanonicalType imported : inc.getValueSet()) {
          out.addAll(systemsOf(imported.getValue().split("\\|")[0], depth + 1));
        }
      }
      return out;
    }

    boolean known(String system) {
      if (common.isCodeSystemSupported(context, system)) {
        return true;
      }
      IBaseResource cs = igs.fetchCodeSystem(system);
      if (cs == null) {
        cs = core.fetchCodeSystem(system);
      }
      if (cs instanceof org.hl7.fhir.r4.model.CodeSystem r4) {
        return r4.getContent() == org.hl7.fhir.r4.model.CodeSystem.CodeSystemContentMode.COMPLETE;
      }
      return false;
    }

    String unchecked(String message) {
      if (message == null) {
        return null;
      }
      Matcher u = UNKNOWN_CS.matcher(message);
      if (u.find() && !known(u.group(1))) {
        return "code system " + u.group(1) + " has no content here";
      }
      if (message.startsWith("None of the codings provided are in the value set")) {
        Matcher c = CODES.matcher(message);
        if (!c.find()) {
          return null;
        }
        Matcher v = VALUESET.matcher(message);
        java.util.Set<String> included = v.find() ? systemsOf(v.group(1), 0) : java.util.Set.of();
        List<String> unknown = new ArrayList<>();
        for (String coding : c.group(1).split(",\\s*")) {
          String system = coding.contains("#") ? coding.substring(0, coding.indexOf('#')) : coding;
          if (known(system) || !included.contains(system)) {
            return null; // a code we can check, or from a system the value set does not include: an error
          }
          unknown.add(system);
        }
        return "code system(s) " + String.join(", ", unknown) + " have no content here";
      }
      return null;
    }
  }

  /**
   * First in the chain: a code from a code system that a value set includes but whose content is not
   * available offline is reported as a warning ("not checked offline") instead of failing the binding.
   * Codes from systems we have, and codes from systems the value set does not include, go on to the
   * real terminology checks.
   */
  static final class OfflineCodes implements ca.uhn.fhir.context.support.IValidationSupport {
    private final FhirContext ctx;
    private final Offline offline;

    OfflineCodes(FhirContext ctx, Offline offline) {
      this.ctx = ctx;
      this.offline = offline;
    }

    @Override
    public FhirContext getFhirContext() {
      return ctx;
    }

    @Override
    public String getName() {
      return "priorauth-offline-codes";
    }

    private String url(IBaseResource vs) {
      return vs instanceof org.hl7.fhir.r4.model.ValueSet v ? v.getUrl() : null;
    }

    @Override
    public boolean isValueSetSupported(ValidationSupportContext c, String valueSetUrl) {
      if (valueSetUrl == null) {
        return false;
      }
      for (String system : offline.systemsOf(valueSetUrl.split("\\|")[0], 0)) {
        if (!offline.known(system)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public CodeValidationResult validateCode(
        ValidationSupportContext c,
        ca.uhn.fhir.context.support.ConceptValidationOptions options,
        String system,
        String code,
        String display,
        String valueSetUrl) {
      if (valueSetUrl == null) {
        return system == null || offline.known(system) ? null : notChecked(system, code, display);
      }
      return check(system, code, display, valueSetUrl);
    }

    @Override
    public boolean isCodeSystemSupported(ValidationSupportContext c, String system) {
      return system != null && !offline.known(system);
    }

    private CodeValidationResult notChecked(String system, String code, String display) {
      return new CodeValidationResult()
          .setCode(code)
          .setDisplay(display)
          .setCodeSystemName(system)
          .setSeverity(IssueSeverity.WARNING)
          .setMessage(
              "Code " + system + "#" + code + " not checked offline: the code system has no content here");
    }

    @Override
    public CodeValidationResult validateCodeInValueSet(
        ValidationSupportContext c,
        ca.uhn.fhir.context.support.ConceptValidationOptions options,
        String system,
        String code,
        String display,
        IBaseResource valueSet) {
      return check(system, code, display, url(valueSet));
    }

    private CodeValidationResult check(String system, String code, String display, String vs) {
      if (system == null || vs == null || offline.known(system)) {
        return null;
      }
      if (!offline.systemsOf(vs.split("\\|")[0], 0).contains(system)) {
        return null;
      }
      return notChecked(system, code, display);
    }
  }

  static final Pattern TYPE = Pattern.compile("\"resourceType\"\\s*:\\s*\"(\\w+)\"");

  /** The IG packages' conformance resources, findable by {@code url} and by {@code url|version}. */
  static final class PackageSupport
      extends org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport {
    private final IParser parser;
    final java.util.Map<String, java.util.Set<String>> present = new java.util.HashMap<>();
    final java.util.Map<String, String> canonicals = new java.util.HashMap<>();
    final java.util.Set<String> unresolved = new java.util.TreeSet<>();

    PackageSupport(FhirContext ctx) {
      super(ctx);
      this.parser = ctx.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    }

    /**
     * A package's unversioned references into a dependency that is here only in another version (DTR 2.0.1
     * names CRD "current"; CRD 2.0.1 is here) would be checked against the wrong definitions: they are
     * dropped from type profiles and target profiles, and listed as unresolved.
     */
    void dropMismatched(NpmPackage npm, org.hl7.fhir.r4.model.StructureDefinition sd) {
      java.util.Map<String, String> deps = npm.dependencies() == null ? java.util.Map.of() : depsOf(npm);
      List<org.hl7.fhir.r4.model.ElementDefinition> elements = new ArrayList<>();
      elements.addAll(sd.getSnapshot().getElement());
      elements.addAll(sd.getDifferential().getElement());
      for (org.hl7.fhir.r4.model.ElementDefinition ed : elements) {
        for (org.hl7.fhir.r4.model.ElementDefinition.TypeRefComponent t : ed.getType()) {
          t.getTargetProfile().removeIf(c -> mismatched(npm, deps, c.getValue()));
          t.getProfile().removeIf(c -> mismatched(npm, deps, c.getValue()));
        }
      }
    }

    private java.util.Map<String, String> depsOf(NpmPackage npm) {
      java.util.Map<String, String> out = new java.util.HashMap<>();
      for (String d : npm.dependencies()) {
        int hash = d.indexOf('#');
        if (hash > 0) {
          out.put(d.substring(0, hash), d.substring(hash + 1));
        }
      }
      return out;
    }

    private boolean mismatched(NpmPackage npm, java.util.Map<String, String> deps, String canonical) {
      if (canonical == null || canonical.contains("|")) {
        return false; // versioned: resolves exactly, or is reported unknown by the validator
      }
      for (java.util.Map.Entry<String, String> c : canonicals.entrySet()) {
        if (!canonical.startsWith(c.getKey() + "/") || c.getValue().equals(npm.name())) {
          continue;
        }
        String wanted = deps.get(c.getValue());
        java.util.Set<String> have = present.getOrDefault(c.getValue(), java.util.Set.of());
        if (wanted != null && !have.contains(wanted)) {
          unresolved.add(npm.name() + "#" + npm.version() + " -> " + c.getValue() + "#" + wanted + " (here: "
              + String.join(", ", have) + "): " + canonical);
          return true;
        }
      }
      return false;
    }

    int load(NpmPackage npm) throws Exception {
      NpmPackage.NpmPackageFolder folder = npm.getFolders().get("package");
      int n = 0;
      for (String name : folder.listFiles()) {
        if (!name.endsWith(".json") || name.equals("package.json") || name.startsWith(".")) {
          continue;
        }
        String text = new String(folder.fetchFile(name), StandardCharsets.UTF_8);
        Matcher m = TYPE.matcher(text);
        if (!m.find()) {
          continue;
        }
        String type = m.group(1);
        if (!type.equals("StructureDefinition") && !type.equals("ValueSet") && !type.equals("CodeSystem")) {
          continue;
        }
        IBaseResource r = parser.parseResource(text);
        if (r instanceof org.hl7.fhir.r4.model.StructureDefinition sd) {
          dropMismatched(npm, sd);
        }
        addResource(r);
        n++;
      }
      return n;
    }
  }
}
