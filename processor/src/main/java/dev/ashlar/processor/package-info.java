/**
 * The annotation processor (API as a build tool, not as code to call):
 * {@link dev.ashlar.processor.MetamodelProcessor} generates, for each model class, a class with its
 * name and an underscore holding the model's table and one typed column constant per mapped field,
 * so that queries name columns without strings.
 */
package dev.ashlar.processor;
