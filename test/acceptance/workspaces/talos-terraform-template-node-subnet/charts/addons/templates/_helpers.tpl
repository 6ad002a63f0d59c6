{{/* A chart's helper partials are no manifest, even when they hold one: they are not read. */}}
{{- define "addons.pool" -}}
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata:
  name: inside-services
spec:
  addresses:
    - 10.96.1.0/24
{{- end }}
