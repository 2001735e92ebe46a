"""Toolbox group "Region": municipal deliveries and the regional report."""
