machine:
  certSANs: [${endpoint}]
  kubelet:
    nodeIP:
      validSubnets:
        - 10.96.8.0/24
  network:
    hostname: ${hostname}
    interfaces:
      - interface: eth0
        addresses: [${node_ip}/24]
        routes:
%{ for route in routes ~}
          - network: ${route.network}
            gateway: ${route.gateway}
%{ endfor ~}
cluster:
  network:
    podSubnets: [${pod_cidr}]
    serviceSubnets: [10.96.0.0/12]
    cni:
      name: none
  proxy:
    disabled: true
