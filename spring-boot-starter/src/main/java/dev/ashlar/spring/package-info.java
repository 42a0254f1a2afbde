/**
 * Spring Boot auto-configuration (API): {@link dev.ashlar.spring.AshlarAutoConfiguration} makes an
 * Ashlar engine over the application's data source whose connections join Spring-managed
 * transactions, {@link dev.ashlar.spring.AshlarSessions} opens ORM sessions on it, configured by
 * {@link dev.ashlar.spring.AshlarProperties} ({@code ashlar.*}), and
 * {@link dev.ashlar.spring.AshlarHealthIndicator} reports the database to Actuator.
 */
package dev.ashlar.spring;
