"""Credence: IT service management with honest service level clocks."""
