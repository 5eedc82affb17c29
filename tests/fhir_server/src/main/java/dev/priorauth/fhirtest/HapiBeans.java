package dev.priorauth.fhirtest;

import ca.uhn.fhir.batch2.api.IJobMaintenanceService;
import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.IDaoRegistry;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.config.util.ResourceCountCacheUtil;
import ca.uhn.fhir.jpa.dao.FulltextSearchSvcImpl;
import ca.uhn.fhir.jpa.dao.IFulltextSearchSvc;
import ca.uhn.fhir.jpa.dao.search.HSearchSortHelperImpl;
import ca.uhn.fhir.jpa.dao.search.IHSearchSortHelper;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.provider.DaoRegistryResourceSupportedSvc;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.search.IStaleSearchDeletingSvc;
import ca.uhn.fhir.jpa.search.StaleSearchDeletingSvcImpl;
import ca.uhn.fhir.jpa.util.ResourceCountCache;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.IResourceSupportedSvc;
import ca.uhn.fhir.rest.server.ApacheProxyAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** The beans a HAPI JPA server expects its host application to provide. */
@Configuration
@EnableTransactionManagement
@Import(ThreadPoolFactoryConfig.class)
public class HapiBeans {

	@Bean
	public JpaStorageSettings jpaStorageSettings() {
		JpaStorageSettings s = new JpaStorageSettings();
		s.setAllowExternalReferences(true);
		s.setAutoCreatePlaceholderReferenceTargets(true);
		s.setPopulateIdentifierInAutoCreatedPlaceholderReferenceTargets(true);
		s.setAllowInlineMatchUrlReferences(true);
		s.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ANY);
		s.setResourceServerIdStrategy(JpaStorageSettings.IdStrategyEnum.UUID);
		s.setEnforceReferentialIntegrityOnWrite(false);
		s.setEnforceReferentialIntegrityOnDelete(false);
		s.setAllowMultipleDelete(true);
		s.setExpungeEnabled(true);
		s.setDeleteExpungeEnabled(true);
		s.setFetchSizeDefaultMaximum(10000);
		s.setReuseCachedSearchResultsForMillis(null);
		// Bulk Data export (issue 15): every kick-off is a real export (no reuse of an earlier job's files), and
		// a small job moves to its next step as soon as one ends instead of at the next once-a-minute
		// maintenance pass (a 13-patient export took 6 min without it on a busy machine).
		s.setEnableBulkExportJobReuse(false);
		s.setJobFastTrackingEnabled(true);
		return s;
	}

	@Bean
	public PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}

	@Bean
	public SubscriptionSettings subscriptionSettings() {
		return new SubscriptionSettings();
	}

	@Primary
	@Bean
	public LocalContainerEntityManagerFactoryBean entityManagerFactory(
			DataSource dataSource, ConfigurableListableBeanFactory beanFactory, FhirContext ctx, JpaStorageSettings settings) {
		LocalContainerEntityManagerFactoryBean emf =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, ctx, settings);
		emf.setPersistenceUnitName("HAPI_PU");
		emf.setDataSource(dataSource);
		Properties p = new Properties();
		p.put("hibernate.dialect", "ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect");
		p.put("hibernate.hbm2ddl.auto", "update");
		p.put("hibernate.search.enabled", "false");
		p.put("hibernate.format_sql", "false");
		p.put("hibernate.show_sql", "false");
		p.put("hibernate.jdbc.batch_size", "20");
		p.put("hibernate.cache.use_query_cache", "false");
		p.put("hibernate.cache.use_second_level_cache", "false");
		p.put("hibernate.cache.use_structured_entries", "false");
		p.put("hibernate.cache.use_minimal_puts", "false");
		emf.setJpaProperties(p);
		return emf;
	}

	@Primary
	@Bean
	public JpaTransactionManager transactionManager(EntityManagerFactory emf) {
		return new JpaTransactionManager(emf);
	}

	@Bean
	public IFulltextSearchSvc fullTextSearchSvc() {
		return new FulltextSearchSvcImpl();
	}

	@Bean
	public IStaleSearchDeletingSvc staleSearchDeletingSvc() {
		return new StaleSearchDeletingSvcImpl();
	}

	@Bean
	public IHSearchSortHelper hSearchSortHelper(ISearchParamRegistry registry) {
		return new HSearchSortHelperImpl(registry);
	}

	@Bean
	public IResourceSupportedSvc resourceSupportedSvc(IDaoRegistry daoRegistry) {
		return new DaoRegistryResourceSupportedSvc(daoRegistry);
	}

	@Bean(name = "myResourceCountsCache")
	public ResourceCountCache resourceCountsCache(IFhirSystemDao<?, ?> systemDao) {
		return ResourceCountCacheUtil.newResourceCountCache(systemDao);
	}

	/**
	 * Batch2 jobs (Bulk Data export) move from step to step at a maintenance pass, scheduled once a minute: a
	 * 13-patient export then takes minutes. The test server asks for a pass every two seconds instead.
	 */
	@Bean(destroyMethod = "shutdownNow")
	public ScheduledExecutorService batchMaintenanceTicker(IJobMaintenanceService maintenance) {
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "batch2-maintenance-ticker");
			t.setDaemon(true);
			return t;
		});
		ticker.scheduleWithFixedDelay(() -> {
			try {
				maintenance.triggerMaintenancePass();
			} catch (RuntimeException e) {
				// the next tick tries again
			}
		}, 5, 2, TimeUnit.SECONDS);
		return ticker;
	}

	@Bean
	public DatabaseBackedPagingProvider databaseBackedPagingProvider() {
		DatabaseBackedPagingProvider paging = new DatabaseBackedPagingProvider();
		paging.setDefaultPageSize(50);
		paging.setMaximumPageSize(200);
		return paging;
	}

	@Bean
	public RestfulServer restfulServer(
			IFhirSystemDao<?, ?> systemDao,
			ResourceProviderFactory resourceProviders,
			IJpaSystemProvider systemProvider,
			BulkDataExportProvider bulkExport,
			JpaStorageSettings settings,
			ISearchParamRegistry searchParams,
			IValidationSupport validationSupport,
			DatabaseBackedPagingProvider paging) {
		RestfulServer server = new RestfulServer(systemDao.getContext());
		server.registerProviders(resourceProviders.createProviders());
		server.registerProvider(systemProvider);
		server.registerProvider(bulkExport);
		JpaCapabilityStatementProvider capabilities =
				new JpaCapabilityStatementProvider(server, systemDao, settings, searchParams, validationSupport);
		capabilities.setImplementationDescription("priorauth test server (HAPI FHIR JPA, in-memory H2)");
		server.setServerConformanceProvider(capabilities);
		server.setPagingProvider(paging);
		server.setDefaultResponseEncoding(EncodingEnum.JSON);
		// Paging links follow X-Forwarded-Host / X-Forwarded-Proto, so a proxy in front keeps clients on it.
		server.setServerAddressStrategy(ApacheProxyAddressStrategy.forHttp());
		return server;
	}
}
